package io.drover.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV rows as RFC 4180 has them (CRLF line ends; a cell with a comma, quote or line break in double
 * quotes, quotes doubled), safe to open in a spreadsheet: a cell that starts with = + - @ tab or CR
 * would be run as a formula, so it gets a leading single quote, as OWASP's CSV injection advice says.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String row(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
