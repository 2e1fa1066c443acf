package io.drover.yaml;

import java.util.regex.Pattern;

/**
 * Formats scalars the way Kubernetes YAML (go-yaml, YAML 1.1) reads them back as strings. Files are
 * also read by YAML 1.2 tools, so a plain form that either version reads as something else is quoted.
 */
public final class YamlScalars {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL");
    private static final Pattern BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    /** Decimal, YAML 1.1 octal (0755) and sexagesimal (1:30), 0b, 0o and 0x forms, with 1.1's '_' separators. */
    private static final Pattern INT = Pattern.compile(
            "[-+]?(0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                    + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}";

    private YamlScalars() {
    }

    /** Plain when the plain form reads back as this same string, double-quoted otherwise. */
    public static String format(String value) {
        return format(value, false);
    }

    static String format(String value, boolean inFlow) {
        return readsBackPlain(value, inFlow) ? value : doubleQuoted(value);
    }

    /** Whether the plain form reads as null: nothing, {@code ~} or {@code null}. */
    static boolean readsAsNull(String plain) {
        return plain.isEmpty() || NULL.matcher(plain).matches();
    }

    /** Whether the plain form reads as a boolean or a number rather than a string. */
    static boolean readsAsNumberOrBool(String plain) {
        return BOOL.matcher(plain).matches() || INT.matcher(plain).matches() || FLOAT.matcher(plain).matches();
    }

    static String doubleQuoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> quoted.append(switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 0x85 -> "\\N";
            case 0x2028 -> "\\L";
            case 0x2029 -> "\\P";
            default -> needsEscape(c)
                    ? String.format(c <= 0xFF ? "\\x%02X" : "\\u%04X", c)
                    : Character.toString(c);
        }));
        return quoted.append('"').toString();
    }

    /** Single quotes escape nothing but the quote itself; anything else that needs escaping gets double quotes. */
    static String singleQuoted(String value) {
        if (value.codePoints().anyMatch(YamlScalars::needsEscape)) {
            return doubleQuoted(value);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean readsBackPlain(String value, boolean inFlow) {
        return !value.isEmpty()
                && INDICATORS.indexOf(value.charAt(0)) < 0
                && !value.startsWith(" ")
                && !value.endsWith(" ")
                && !value.endsWith(":")
                && !value.contains(": ")
                && !value.contains(" #")
                && value.codePoints().noneMatch(YamlScalars::needsEscape)
                && !(inFlow && value.chars().anyMatch(c -> FLOW_INDICATORS.indexOf(c) >= 0))
                && !NULL.matcher(value).matches()
                && !readsAsNumberOrBool(value)
                && !TIMESTAMP.matcher(value).matches();
    }

    /** Control characters (newline and tab included) and the other code points a plain or single-quoted scalar cannot hold. */
    private static boolean needsEscape(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
                || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
    }
}
