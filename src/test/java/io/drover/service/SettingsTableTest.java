package io.drover.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md lists every {@code drover.*} key the code reads, and no other: the keys of the
 * {@code @ConfigMapping} interfaces and {@code @ConfigProperty} injection points found in the
 * compiled classes, the {@code ${drover...}} expressions in the sources (the schedule) and the keys
 * of application.properties; each row with the environment variable form and the code's default.
 */
class SettingsTableTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(drover\\.[^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(drover\\.[a-z0-9.-]+)");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^(?:%[a-z-]+\\.)?(drover\\.[a-z0-9.-]+)\\s*=");

    private record Row(String environment, String defaultValue) {
    }

    @Test
    void everySettingTheCodeReadsIsInTheTableWithItsEnvironmentFormAndDefaultAndNothingElse() throws Exception {
        Map<String, Optional<String>> inCode = keysInCode();
        Map<String, Row> documented = documented();

        assertThat(inCode).as("the code reads settings").containsKeys("drover.repo.url", "drover.argocd.url",
                "drover.health.missed-intervals", "drover.reconcile.interval");
        assertThat(documented.keySet()).as("docs/settings.md against the code").containsExactlyInAnyOrderElementsOf(inCode.keySet());
        documented.forEach((key, row) -> {
            assertThat(row.environment()).as(key).isEqualTo(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            inCode.get(key).ifPresent(value -> assertThat(row.defaultValue()).as("default of " + key).contains("`" + value + "`"));
        });
    }

    private static Map<String, Row> documented() throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/settings.md")));
        while (m.find()) {
            assertThat(rows.put(m.group(1), new Row(m.group(2), m.group(3)))).as("listed twice: " + m.group(1)).isNull();
        }
        return rows;
    }

    /** Every key with its default, where the code gives one. */
    private static Map<String, Optional<String>> keysInCode() throws IOException, URISyntaxException, ClassNotFoundException {
        Map<String, Optional<String>> keys = new TreeMap<>();
        Path classes = Path.of(DroverConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Class<?> type : classesUnder(classes)) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                mapped(mapping.prefix(), type, keys);
            }
            List<AnnotatedElement> points = new ArrayList<>(List.of(type.getDeclaredFields()));
            for (var constructor : type.getDeclaredConstructors()) {
                points.addAll(List.of(constructor.getParameters()));
            }
            for (Method method : type.getDeclaredMethods()) {
                points.addAll(List.of(method.getParameters()));
            }
            for (AnnotatedElement point : points) {
                ConfigProperty property = point.getAnnotation(ConfigProperty.class);
                if (property != null && property.name().startsWith("drover.")) {
                    String value = property.defaultValue();
                    keys.put(property.name(), value.equals(ConfigProperty.UNCONFIGURED_VALUE) ? Optional.empty() : Optional.of(value));
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = EXPRESSION.matcher(Files.readString(source));
                while (m.find()) {
                    keys.putIfAbsent(m.group(1), Optional.empty());
                }
            }
        }
        Matcher m = PROPERTY.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            keys.putIfAbsent(m.group(1), Optional.empty());
        }
        return keys;
    }

    private static void mapped(String prefix, Class<?> type, Map<String, Optional<String>> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("io.drover.")) {
                mapped(key, returned, keys);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                keys.put(key, Optional.ofNullable(value).map(WithDefault::value));
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Class<?>> classesUnder(Path root) throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/drover"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
                found.add(Class.forName(name, false, SettingsTableTest.class.getClassLoader()));
            }
        }
        return found;
    }
}
