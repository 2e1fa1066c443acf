package io.drover.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Chromium, headless, that loads a page, runs what the page would run and prints the DOM
 * as the browser built it. Chromium comes from the machine's packages ({@code .ci/install-browser}).
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("DROVER_CHROMIUM", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    /** The DOM after loading {@code url}, with a profile in {@code userDataDir}; fails with Chromium's own output when it does not finish. */
    static String dumpDom(String url, Path userDataDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("no Chromium at " + BINARY + ": run .ci/install-browser (or set DROVER_CHROMIUM)");
        }
        Path errors = userDataDir.resolve("chromium-stderr.log");
        Process chromium = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + userDataDir, "--dump-dom", url))
                .redirectError(errors.toFile()).start();
        chromium.getOutputStream().close();
        byte[] dom = chromium.getInputStream().readAllBytes();
        // A guard against a hung browser, not a speed check: generous on a busy machine.
        if (!chromium.waitFor(120, TimeUnit.SECONDS) || chromium.exitValue() != 0) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not render " + url + ": " + Files.readString(errors));
        }
        return new String(dom, StandardCharsets.UTF_8);
    }
}
