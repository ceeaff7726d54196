package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV and Markdown of fixed rows, and the goals evaluated on them. */
class ReportTablesTest {
    private static final Table1Result FLOW_MEASURED = new Table1Result("flow", 0.99, 1.25,
            0.71875, 5, new TimeToEvents(5, 1.5, 0.3, TimeBasis.MEASURED), 1_000_000, 0.7,
            0.99391, 0.94);
    private static final Table1Result UNIFORM_EXTRAPOLATED = new Table1Result("uniform", 1.0,
            4000.0, 0.0002, 16667, new TimeToEvents(100, 50.0, 0.003, TimeBasis.EXTRAPOLATED),
            6000, 0.0002, 1.0, 0.0016);
    private static final Table1Result UNIFORM_UNUSABLE = new Table1Result("uniform", 0.981, 0,
            0, -1, new TimeToEvents(0, Double.NaN, Double.NaN, TimeBasis.NOT_APPLICABLE), 0,
            Double.NaN, 0, 0);

    @Test
    void table1CsvHasOneLinePerRow() {
        String csv = ReportTables.table1Csv(List.of(FLOW_MEASURED, UNIFORM_EXTRAPOLATED,
                UNIFORM_UNUSABLE));

        assertThat(csv.split("\n")).containsExactly(ReportTables.TABLE1_CSV_HEADER,
                "flow,0.99000,1.25000000,0.718750,5,5,1.5000,0.300000,measured,1000000,"
                        + "0.700000,0.993910,0.940000",
                "uniform,1.00000,4000.00000,0.000200,16667,100,50.0000,0.003000,extrapolated,"
                        + "6000,0.000200,1.000000,0.001600",
                "uniform,0.98100,0.00000000,0.000000,,,,,not applicable,0,,0.000000,0.000000");
        assertThat(csv).endsWith("\n");
    }

    @Test
    void table1MarkdownPutsThePaperBesideAndMarksExtrapolatedTimes() {
        String[] lines = ReportTables.table1Markdown(List.of(FLOW_MEASURED,
                UNIFORM_EXTRAPOLATED, UNIFORM_UNUSABLE)).split("\n");

        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("| Quantile | Proposal | w_Q | p_accept |");
        assertThat(lines[2]).isEqualTo("| 0.99000 | flow | 1.250 | 0.7188 | 5 | 5 | 1.500"
                + " | 0.9939 | 0.9400 | 0.7187 | 5 | 1.555 | 0.9939 | 0.9400 |");
        assertThat(lines[3]).isEqualTo("| 1.00000 | uniform | 4000 | 0.0002 | 16667 | 100"
                + " | *50.000* | 1.0000 | 0.0016 | 0.0002 | 16199 | 47.886 | 1.0000 | 0.0016 |");
        assertThat(lines[4]).isEqualTo("| 0.98100 | uniform | n/a | 0.0000 | n/a | n/a | n/a"
                + " | 0.0000 | 0.0000 | 0.0193 | 173 | 0.511 | 0.0039 | 0.0195 |");
    }

    @Test
    void aQuantileNotInThePaperLeavesItsColumnsEmpty() {
        Table1Result row = new Table1Result("flow", 0.5, 1, 0.5, 7,
                new TimeToEvents(7, 2, 0.2857, TimeBasis.MEASURED), 100, 0.5, 0.9, 0.8);
        assertThat(ReportTables.table1Markdown(List.of(row)).split("\n")[2])
                .endsWith("| 0.9000 | 0.8000 | | | | | |");
    }

    @Test
    void table2CsvAndMarkdownCarryTheRatio() {
        Table2Result row = new Table2Result(0.9999, 100, 62,
                new TimeToEvents(12, 80.0, 1.29, TimeBasis.EXTRAPOLATED), 41667,
                new TimeToEvents(50, 8000.0, 0.192, TimeBasis.EXTRAPOLATED));
        Table2Result measured = new Table2Result(0.999, 1, 10,
                new TimeToEvents(10, 20.0, 2.0, TimeBasis.MEASURED), 1217,
                new TimeToEvents(1217, 5.0, 0.0041, TimeBasis.MEASURED));

        assertThat(row.ratio()).isEqualTo(100.0);
        assertThat(ReportTables.table2Csv(List.of(row, measured)).split("\n"))
                .containsExactly(ReportTables.TABLE2_CSV_HEADER,
                        "0.99990,100,62,12,80.000,extrapolated,41667,50,8000.000,extrapolated,"
                                + "100.0000",
                        "0.99900,1,10,10,20.000,measured,1217,1217,5.000,measured,0.2500");
        String[] md = ReportTables.table2Markdown(List.of(row, measured)).split("\n");
        assertThat(md[2]).isEqualTo("| 0.99990 | 100 | *80.00* | *8000.00* | 100.00 | 107.01"
                + " | 8984.12 | 83.96 |");
        assertThat(md[3]).isEqualTo("| 0.99900 | 1 | 20.00 | 5.00 | 0.25 | 28.87 | 35.36"
                + " | 1.22 |");
    }

    @Test
    void speedUpComparesTheFastestRowsThatKeepTheCoverage() {
        Table1Result flowSlow = new Table1Result("flow", 1.0, 9, 0.005, 649,
                new TimeToEvents(649, 200, 0.31, TimeBasis.MEASURED), 1_000_000, 0.005, 1, 0.9);
        Table1Result flowLowCoverage = new Table1Result("flow", 0.9, 0.1, 0.9, 4,
                new TimeToEvents(4, 0.1, 0.025, TimeBasis.MEASURED), 1_000_000, 0.9, 0.95, 0.9);
        Table1Result uniformLowCoverage = new Table1Result("uniform", 0.999, 1, 0.003, 1217,
                new TimeToEvents(1217, 3.6, 0.003, TimeBasis.MEASURED), 1_000_000, 0.003, 0.62,
                0.004);
        List<Table1Result> rows = List.of(flowSlow, FLOW_MEASURED, flowLowCoverage,
                UNIFORM_EXTRAPOLATED, uniformLowCoverage, UNIFORM_UNUSABLE);

        assertThat(Goals.fastestWithCoverage(rows, "flow", 0.99)).contains(FLOW_MEASURED);
        assertThat(Goals.fastestWithCoverage(rows, "uniform", 0.99))
                .contains(UNIFORM_EXTRAPOLATED);
        // 50 s / 1.5 s
        assertThat(Goals.speedUpAtEqualCoverage(rows)).isEqualTo(50.0 / 1.5);
        assertThat(Goals.speedUpAtEqualCoverage(List.of(FLOW_MEASURED, uniformLowCoverage)))
                .isNaN();
    }
}
