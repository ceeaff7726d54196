package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.enis.physics.PhaseSpaceBox;
import org.junit.jupiter.api.Test;

/** Binning and the coverage per bin, on hand-placed weights. */
class CoverageMapsTest {
    private static final PhaseSpaceBox BOX = BoxDensity.unitBox();

    @Test
    void binCodesPackTheFourIndices() {
        BoxBinning binning = new BoxBinning(BOX, 4);
        // (0.1, 1.9, 0.5, 0.26) in a box (1, 2, 1, 0.5) with 4 bins: indices 0, 3, 2, 2
        int code = binning.code(0.1, 1.9, 0.5, 0.26);
        assertThat(BoxBinning.index(code, 0)).isZero();
        assertThat(BoxBinning.index(code, 1)).isEqualTo(3);
        assertThat(BoxBinning.index(code, 2)).isEqualTo(2);
        assertThat(BoxBinning.index(code, 3)).isEqualTo(2);
        // the upper edge belongs to the last bin; beyond it is outside
        assertThat(BoxBinning.index(binning.code(1.0, 2.0, 1.0, 0.5), 3)).isEqualTo(3);
        assertThat(binning.code(1.01, 1, 0.5, 0.1)).isEqualTo(BoxBinning.OUTSIDE);
        assertThat(binning.code(0.5, -0.1, 0.5, 0.1)).isEqualTo(BoxBinning.OUTSIDE);
        assertThat(binning.lowerEdge(1, 3)).isEqualTo(1.5);
        // the largest code stays positive, apart from OUTSIDE
        BoxBinning finest = new BoxBinning(BOX, BoxBinning.MAX_BINS);
        assertThat(finest.code(1, 2, 1, 0.5)).isPositive();
        assertThatThrownBy(() -> new BoxBinning(BOX, BoxBinning.MAX_BINS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("126");
    }

    @Test
    void pairMapsHoldTheCoverageOfEachBin() {
        BoxBinning binning = new BoxBinning(BOX, 2);
        int low = binning.code(0.1, 0.1, 0.1, 0.1);
        int high = binning.code(0.9, 1.9, 0.9, 0.4);
        // weights 1 and 3 in the low corner, 2 in the high one, zeros anywhere; threshold 2
        CalibrationSample sample = CalibrationSample.of("test", new double[] {0, 1, 3, 0, 2},
                new int[] {low, low, high});
        List<CoverageMaps.PairMap> maps = CoverageMaps.pairMaps(sample, binning, 2.0);

        assertThat(maps).hasSize(6);
        CoverageMaps.PairMap energyMuon = maps.get(0);
        assertThat(energyMuon.xVariable()).isZero();
        assertThat(energyMuon.yVariable()).isEqualTo(1);
        // low bin (0, 0): (1 + min(3, 2)) / (1 + 3) = 0.75; high bin (1, 1): 2 / 2 = 1
        assertThat(energyMuon.coverage()[0]).isCloseTo(0.75, within(1e-15));
        assertThat(energyMuon.coverage()[3]).isCloseTo(1.0, within(1e-15));
        assertThat(energyMuon.coverage()[1]).isNaN();
        assertThat(energyMuon.coverage()[2]).isNaN();
        // shares of all weight: 4 / 6 and 2 / 6
        assertThat(energyMuon.weightShare()[0]).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(energyMuon.weightShare()[3]).isCloseTo(2.0 / 6, within(1e-15));
        assertThat(energyMuon.weightShare()[1]).isZero();
    }

    @Test
    void fourDimensionalCellsMergeNeighbouringBins() {
        BoxBinning binning = new BoxBinning(BOX, 4);
        int a = binning.code(0.1, 0.1, 0.1, 0.1);
        int b = binning.code(0.3, 0.6, 0.3, 0.2);
        int c = binning.code(0.9, 1.9, 0.9, 0.4);
        CalibrationSample sample = CalibrationSample.of("test", new double[] {1, 3, 4},
                new int[] {a, b, c});
        // 4 bins -> 2 per variable: a and b share cell (0, 0, 0, 0), c is alone; threshold 2
        List<CoverageMaps.Cell> cells = CoverageMaps.cells(sample, binning, 2.0);

        assertThat(cells).hasSize(2);
        // first cell: (1 + 2) / (1 + 3) = 0.75 with 50 % of the weight; second 2 / 4, 50 %
        assertThat(cells.get(0).coverage()).isCloseTo(0.75, within(1e-15));
        assertThat(cells.get(0).weightPercent()).isCloseTo(50.0, within(1e-12));
        assertThat(cells.get(1).coverage()).isCloseTo(0.5, within(1e-15));
        assertThat(cells.get(1).weightPercent()).isCloseTo(50.0, within(1e-12));
        assertThatThrownBy(() -> CoverageMaps.cells(sample, new BoxBinning(BOX, 3), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
    }

    @Test
    void aSampleNeedsOneCodePerPositiveWeight() {
        assertThatThrownBy(() -> CalibrationSample.of("test", new double[] {0, 1, 2},
                new int[] {0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 bin codes for 2 positive weights");
    }

    @Test
    void weightHistogramScalesToMeanOneAndCountsPositiveWeights() {
        // mean of {0, 0.5, 1, 2.5} is 1; log10 of the positive ones: -0.301, 0, 0.398
        double[] weights = {0, 0.5, 1, 2.5};
        WeightHistogram histogram = WeightHistogram.of(weights, 4, -1, 1);

        assertThat(histogram.total()).isEqualTo(4);
        assertThat(histogram.positive()).isEqualTo(3);
        assertThat(histogram.zeroFraction()).isEqualTo(0.25);
        // bins of width 0.5 from -1: [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]
        assertThat(histogram.counts()).containsExactly(0, 1, 2, 0);
        double mean = (Math.log10(0.5) + Math.log10(2.5)) / 3;
        assertThat(histogram.meanLog10()).isCloseTo(mean, within(1e-12));
        double variance = (Math.pow(Math.log10(0.5), 2) + Math.pow(Math.log10(2.5), 2)) / 3
                - mean * mean;
        assertThat(histogram.stdLog10()).isCloseTo(Math.sqrt(variance), within(1e-12));
        assertThat(histogram.binCentre(0)).isEqualTo(-0.75);
        assertThat(WeightHistogram.log10Range(weights)[0])
                .isCloseTo(Math.log10(0.5), within(1e-12));
        assertThat(WeightHistogram.log10Range(new double[] {0, 0})).containsExactly(0, 0);
        // values beyond the range go to the end bins
        assertThat(WeightHistogram.of(weights, 2, -0.1, 0.1).counts()).containsExactly(1, 2);
        assertThatThrownBy(() -> WeightHistogram.of(weights, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
