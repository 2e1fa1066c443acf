package io.drover.fleet;

import io.drover.model.KubeVersion;
import io.drover.model.Problem;
import io.drover.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Collects every problem (and warning) of one read, so that the user sees them all at once. */
final class Problems {

    private static final Comparator<Problem> BY_PLACE = Comparator.comparing(Problem::path).thenComparingInt(Problem::line);

    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    void add(String path, int line, String message, String fix) {
        problems.add(new Problem(path, line, message, fix));
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    /** Something that does not stop the read but that the user should hear of. */
    void warn(String path, int line, String message, String fix) {
        warnings.add(new Problem(path, line, message, fix));
    }

    void warn(Problem warning) {
        warnings.add(warning);
    }

    /** The problems as reported, not sorted: replaying them into another collector keeps their order. */
    List<Problem> inOrder() {
        return List.copyOf(problems);
    }

    List<Problem> warningsInOrder() {
        return List.copyOf(warnings);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> sorted() {
        return problems.stream().sorted(BY_PLACE).toList();
    }

    List<Problem> warnings() {
        return warnings.stream().sorted(BY_PLACE).toList();
    }

    /** These warnings and {@code others} (of other files), sorted as {@link #warnings()} sorts. */
    List<Problem> warningsWith(List<Problem> others) {
        List<Problem> all = new ArrayList<>(others);
        all.addAll(warnings);
        all.sort(BY_PLACE);
        return all;
    }

    /** A required scalar; reports where it should be when it is missing. */
    Optional<String> required(YamlNode doc, String path, String what, String fix, String... keys) {
        Optional<String> value = doc.text(keys).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            add(path, doc.nearestLine(keys), "missing " + String.join(".", keys) + " (" + what + ")", fix);
        }
        return value;
    }

    /** A whole number of at least {@code min}; reports a missing or malformed one. */
    OptionalInt requiredInt(YamlNode doc, String path, String what, int min, String fix, String... keys) {
        Optional<String> text = required(doc, path, what, fix, keys);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below like a number out of range
        }
        add(path, doc.nearestLine(keys), String.join(".", keys) + " is '" + text.get()
                + "' but must be a whole number >= " + min + " (" + what + ")", fix);
        return OptionalInt.empty();
    }

    /** A whole Kubernetes release ({@code v1.31.4}); reports a missing or malformed one, with {@code example} in the fix. */
    Optional<KubeVersion> requiredVersion(YamlNode doc, String path, String what, KubeVersion example, String... keys) {
        Optional<String> text = required(doc, path, what, "set it, e.g. " + example, keys);
        Optional<KubeVersion> version = text.flatMap(KubeVersion::parse);
        if (text.isPresent() && version.isEmpty()) {
            add(path, doc.nearestLine(keys), String.join(".", keys) + " '" + text.get() + "' is not a Kubernetes version",
                    KubeVersion.howToWrite(text.get(), example));
        }
        return version;
    }
}
