package io.drover.model;

/**
 * Something wrong with the input, named precisely enough to fix: the file, the line (0 when the
 * file as a whole is meant), what is wrong and what to do.
 */
public record Problem(String path, int line, String message, String fix) {

    @Override
    public String toString() {
        String where = line > 0 ? path + ":" + line : path;
        return where + ": " + message + (fix.isEmpty() ? "" : "\n    fix: " + fix);
    }
}
