package cn.sc.countyeconomy.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One overlay of deploy/kubernetes, rendered by kubectl kustomize and read strictly ({@link Manifests}). */
record Overlay(String name, String yaml, List<Manifests.Doc> docs) {

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    static Overlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, n -> of(n, Kustomize.render(Repository.overlay(n))));
    }

    static Overlay of(String name, String yaml) {
        return new Overlay(name, yaml, Manifests.read(yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return docs.stream().map(Manifests.Doc::model).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElse(null);
    }

    List<Manifests.Doc> custom(String kind) {
        return docs.stream().filter(d -> d.isCustom() && d.kind().equals(kind)).toList();
    }
}
