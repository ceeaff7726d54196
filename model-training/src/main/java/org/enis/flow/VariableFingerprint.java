package org.enis.flow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.enis.flow.internal.TensorArrays;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * SHA-256 fingerprint of the variables of a graph: over the variables sorted by name, the
 * UTF-8 name, a zero byte, the number of values as a big-endian int and the float32 values as
 * big-endian IEEE 754 bits. Equal fingerprints mean bit-identical parameters.
 */
final class VariableFingerprint {

    private static final String VARIABLE_OPERATION = "VariableV2";

    private VariableFingerprint() {
    }

    /**
     * Fingerprint of every float32 variable of a graph, read from a session.
     *
     * @param session session holding the variable values
     * @param graph the session's graph
     * @return 64 lower-case hex digits
     * @throws IllegalStateException if the graph has no variable
     */
    static String of(Session session, Graph graph) {
        List<String> names = new ArrayList<>();
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
            GraphOperation operation = it.next();
            if (VARIABLE_OPERATION.equals(operation.type())) {
                names.add(operation.name());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the graph has no variables to fingerprint");
        }
        names.sort(null);
        MessageDigest digest = sha256();
        Session.Runner runner = session.runner();
        names.forEach(runner::fetch);
        try (Result result = runner.run()) {
            for (int i = 0; i < names.size(); i++) {
                Tensor tensor = result.get(i);
                if (!(tensor instanceof TFloat32)) {
                    throw new IllegalStateException("variable " + names.get(i)
                            + " is not float32");
                }
                float[] values = TensorArrays.floats(tensor);
                digest.update(names.get(i).getBytes(StandardCharsets.UTF_8));
                ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 4 * values.length);
                buffer.put((byte) 0).putInt(values.length);
                for (float value : values) {
                    buffer.putInt(Float.floatToIntBits(value));
                }
                digest.update(buffer.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
