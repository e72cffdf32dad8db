package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.api.AssistanceForceView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The five assistance forces: reference data (migration V1), read only. */
@ApplicationScoped
public class ForceService {

    /** In their official order. */
    public List<AssistanceForceView> list() {
        return AssistanceForce.<AssistanceForce>listAll(Sort.by("ordinal")).stream().map(AssistanceForceView::of).toList();
    }

    public AssistanceForceView get(String code) {
        return AssistanceForce.<AssistanceForce>findByIdOptional(code).map(AssistanceForceView::of)
                .orElseThrow(() -> ApiException.notFound("AssistanceForce", code));
    }
}
