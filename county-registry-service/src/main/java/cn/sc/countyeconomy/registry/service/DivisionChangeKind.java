package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.api.DivisionChangeSuccessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of division change and the rules of each: how many codes and successors it takes,
 * whether a successor without a code keeps the source's code, and what a successor must change.
 */
public enum DivisionChangeKind {

    /** 1 code, 1 successor with the same code and a new name. */
    RENAME(true) {

        @Override
        void checkSuccessor(String field, Planned p, Division base, Division first) {
            if (!p.continuing()) {
                throw ApiException.rule("rename-keeps-code", field + ".code: a RENAME keeps the code " + first.code + "; use RECODE to change it");
            }
            if (p.name().equals(base.nameZh)) {
                throw ApiException.rule("no-change", field + ".name: " + p.code() + " is already called " + p.name());
            }
        }
    },
    /** 1 code, 1 successor with a new code. */
    RECODE(false) {

        @Override
        void checkSuccessor(String field, Planned p, Division base, Division first) {
            if (p.continuing()) {
                throw ApiException.rule("recode-needs-new-code", field + ".code: a RECODE needs a code other than " + p.code());
            }
        }
    },
    /** 1 code, 1 successor of type DISTRICT or COUNTY_LEVEL_CITY. */
    UPGRADE(true) {

        @Override
        void checkSuccessor(String field, Planned p, Division base, Division first) {
            if (!Set.of("DISTRICT", "COUNTY_LEVEL_CITY").contains(p.type()) || p.type().equals(base.type)) {
                throw ApiException.rule("upgrade-needs-higher-type", field + ".type: an UPGRADE turns a " + base.type
                        + " into a DISTRICT or COUNTY_LEVEL_CITY; was " + p.type());
            }
        }
    },
    /** 1 code, 1 successor under another prefecture. */
    TRANSFER(true) {

        @Override
        void checkSuccessor(String field, Planned p, Division base, Division first) {
            if (p.prefectureCode().equals(base.parentCode)) {
                throw ApiException.rule("transfer-needs-other-prefecture", field + ".prefectureCode: " + p.code()
                        + " already belongs to " + p.prefectureCode());
            }
        }
    },
    /** 2 or more distinct codes, 1 successor: a new code or one of them. */
    MERGE(false) {

        @Override
        void checkShape(Set<String> from, List<DivisionChangeSuccessor> successors) {
            if (successors.size() == 1 && from.size() == 1 && from.contains(successors.get(0).code())) {
                throw ApiException.rule("merge-into-itself", "Merging " + successors.get(0).code() + " into itself changes nothing");
            }
            if (from.size() < 2 || successors.size() != 1) {
                throw ApiException.validation("fromCodes", "MERGE takes 2 or more codes and exactly 1 successor; got %d and %d"
                        .formatted(from.size(), successors.size()));
            }
        }
    },
    /** 1 code, 2 or more successors, possibly including the code itself. */
    SPLIT(false) {

        @Override
        void checkShape(Set<String> from, List<DivisionChangeSuccessor> successors) {
            if (from.size() != 1 || successors.size() < 2) {
                throw ApiException.validation("successors", "SPLIT takes exactly 1 code and 2 or more successors; got %d and %d"
                        .formatted(from.size(), successors.size()));
            }
        }
    },
    /** 1 or more codes, no successor. */
    ABOLISH(false) {

        @Override
        void checkShape(Set<String> from, List<DivisionChangeSuccessor> successors) {
            if (!successors.isEmpty()) {
                throw ApiException.validation("successors", "ABOLISH has no successors; got " + successors.size());
            }
        }
    };

    /** A successor as the change will open it. */
    record Planned(String code, String name, String nameEn, String type, String prefectureCode, boolean continuing) {
    }

    /** Whether a successor given without a code keeps the (first) source's code. */
    final boolean keepsCode;

    DivisionChangeKind(boolean keepsCode) {
        this.keepsCode = keepsCode;
    }

    static DivisionChangeKind parse(String kind) {
        String k = kind.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(k)).findFirst()
                .orElseThrow(() -> ApiException.validation("kind", "must be one of " + Arrays.toString(values()) + ", was '" + kind + "'"));
    }

    /** The distinct source codes, in order; a code listed twice is refused (for a merge: merging into itself). */
    Set<String> sources(List<String> fromCodes) {
        Set<String> distinct = new LinkedHashSet<>(fromCodes);
        if (distinct.size() != fromCodes.size()) {
            if (this == MERGE) {
                throw ApiException.rule("merge-into-itself", "A merge lists code(s) " + duplicates(fromCodes)
                        + " more than once: a division cannot be merged into itself");
            }
            throw ApiException.validation("fromCodes", "lists code(s) " + duplicates(fromCodes) + " more than once");
        }
        return distinct;
    }

    /** How many codes and successors the kind takes; by default exactly 1 and 1. */
    void checkShape(Set<String> from, List<DivisionChangeSuccessor> successors) {
        if (from.size() != 1 || successors.size() != 1) {
            throw ApiException.validation("successors", "%s takes exactly 1 code in fromCodes and 1 successor; got %d and %d"
                    .formatted(name(), from.size(), successors.size()));
        }
    }

    /** What a successor of this kind must change compared with its base; by default nothing. */
    void checkSuccessor(String field, Planned p, Division base, Division first) {
    }

    private static List<String> duplicates(List<String> codes) {
        Set<String> seen = new HashSet<>();
        Set<String> dup = new LinkedHashSet<>();
        codes.forEach(c -> {
            if (!seen.add(c)) {
                dup.add(c);
            }
        });
        return new ArrayList<>(dup);
    }
}
