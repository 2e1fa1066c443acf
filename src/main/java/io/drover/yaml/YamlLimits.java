package io.drover.yaml;

/**
 * How much YAML Drover reads from one file. Far above any fleet manifest, they keep a hostile or
 * broken file from exhausting the stack (deep nesting), the memory (alias bombs) or the time of a
 * plan. A file beyond a limit is refused with the limit named, not reported as invalid YAML.
 */
public final class YamlLimits {

    /** Characters (Unicode code points) in one file: 3 MiB, twice the largest object Kubernetes stores. */
    public static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    /** Mappings and sequences inside each other. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** Aliases (*name) that refer to a mapping or a sequence, in one file. */
    public static final int MAX_COLLECTION_ALIASES = 50;

    private YamlLimits() {
    }
}
