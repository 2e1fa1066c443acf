package io.drover.reconcile;

import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens {@link ReconcileFixture}s for a test, each in a temporary directory of its own, and closes
 * and removes them after the test. Register it with {@code @RegisterExtension} instead of a
 * {@code @TempDir}, a fixture field and an {@code @AfterEach} in every test class.
 */
final class ReconcileFixtures implements AfterEachCallback {

    private final List<ReconcileFixture> opened = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    /** The example fleet, under a fleet policy with no change windows. */
    ReconcileFixture anyTime() throws Exception {
        return of(ReconcileFixture.exampleAnyTime());
    }

    ReconcileFixture of(FleetFiles files) throws Exception {
        Path tmp = Files.createTempDirectory("drover-reconcile");
        directories.add(tmp);
        ReconcileFixture fixture = new ReconcileFixture(tmp, files);
        opened.add(fixture);
        return fixture;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        opened.forEach(ReconcileFixture::close);
        opened.clear();
        for (Path tmp : directories) {
            FileUtils.delete(tmp.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
        directories.clear();
    }
}
