package org.enis.flow.internal;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Copies between Java arrays and TensorFlow tensors. The caller owns and closes every tensor
 * returned.
 */
public final class TensorArrays {

    private TensorArrays() {
    }

    /**
     * A float32 tensor of the given shape holding {@code values[0 .. shape.size())}.
     *
     * @param shape tensor shape
     * @param values row-major values, at least {@code shape.size()} of them
     * @return a new tensor
     */
    public static TFloat32 float32(Shape shape, float[] values) {
        return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false)
                .slice(0, shape.size()));
    }

    /**
     * A float64 tensor of the given shape holding {@code values[0 .. shape.size())}.
     *
     * @param shape tensor shape
     * @param values row-major values, at least {@code shape.size()} of them
     * @return a new tensor
     */
    public static TFloat64 float64(Shape shape, double[] values) {
        return TFloat64.tensorOf(shape, DataBuffers.of(values, true, false)
                .slice(0, shape.size()));
    }

    /**
     * Reads a float32 tensor into a new array.
     *
     * @param tensor a float32 tensor
     * @return its values, row-major
     */
    public static float[] floats(Tensor tensor) {
        TFloat32 values = (TFloat32) tensor;
        float[] out = new float[(int) values.shape().size()];
        values.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /**
     * Reads a float64 tensor into a new array.
     *
     * @param tensor a float64 tensor
     * @return its values, row-major
     */
    public static double[] doubles(Tensor tensor) {
        TFloat64 values = (TFloat64) tensor;
        double[] out = new double[(int) values.shape().size()];
        values.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
