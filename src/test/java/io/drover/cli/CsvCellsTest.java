package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsWithACommaAQuoteOrALineBreakAreQuotedWithQuotesDoubled() {
        assertThat(CsvCells.cell("plain")).isEqualTo("plain");
        assertThat(CsvCells.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("")).isEmpty();
    }

    @Test
    void cellsStartingLikeAFormulaGetALeadingQuoteMark() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")).extracting(CsvCells::cell)
                .containsExactly("'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "\"'\rx\"");
        assertThat(CsvCells.cell("a=1")).isEqualTo("a=1");
        assertThat(CsvCells.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    @Test
    void aRowEndsWithCrLf() {
        assertThat(CsvCells.row(List.of("a", "b,c", ""))).isEqualTo("a,\"b,c\",\r\n");
    }
}
