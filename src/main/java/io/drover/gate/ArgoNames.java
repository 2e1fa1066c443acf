package io.drover.gate;

import java.util.Arrays;

/** Argo CD spells its status values in upper camel case: OUT_OF_SYNC is "OutOfSync". */
final class ArgoNames {

    private ArgoNames() {
    }

    static String of(Enum<?> value) {
        StringBuilder name = new StringBuilder();
        for (String word : value.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String argoName, E unknown) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(argoName)).findFirst().orElse(unknown);
    }
}
