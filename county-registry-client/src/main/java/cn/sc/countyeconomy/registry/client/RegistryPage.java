package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
