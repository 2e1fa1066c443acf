package io.drover.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file that step sections are written to while the plan is made, and copied from,
 * in order, once the overview above them is known: so that {@code drover plan} holds the text of
 * no more than one step at a time. Positions count characters. Closing deletes the file, also when
 * planning stopped half-way.
 */
final class Spool implements AutoCloseable {

    private final Path file;
    private final Writer writer;
    private long position;
    private Reader reader;
    private long read;

    Spool() {
        try {
            file = Files.createTempFile("drover-plan", ".spool");
            writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the plan's steps", e);
        }
    }

    /** Where the spool writes: errors are thrown unchecked, as the planner's sink cannot throw them. */
    Writer writer() {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                try {
                    writer.write(chars, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the plan's steps to " + file, e);
                }
                position += length;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The characters written so far. */
    long position() {
        return position;
    }

    /** Copies what was written up to {@code to}, from where the last copy or skip ended. */
    void copyTo(long to, Writer out) throws IOException {
        char[] buffer = new char[8192];
        Reader in = reader();
        while (read < to) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, to - read));
            if (n < 0) {
                throw new IOException(file + " ends at " + read + " characters, before " + to);
            }
            out.write(buffer, 0, n);
            read += n;
        }
    }

    /** Passes over what was written up to {@code to}. */
    void skipTo(long to) throws IOException {
        Reader in = reader();
        while (read < to) {
            long n = in.skip(to - read);
            if (n <= 0) {
                throw new IOException(file + " ends at " + read + " characters, before " + to);
            }
            read += n;
        }
    }

    private Reader reader() throws IOException {
        if (reader == null) {
            writer.close();
            reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        }
        return reader;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
            if (reader != null) {
                reader.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
