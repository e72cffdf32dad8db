package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;

/** Resolving ids named in request bodies: an unknown id there is a 422 naming the field, not a 404. */
final class Lookups {

    private Lookups() {
    }

    static AssistingOrganisation organisation(Long id, String field) {
        AssistingOrganisation o = id == null ? null : AssistingOrganisation.findById(id);
        if (o == null) {
            throw ApiException.validation(field, "no assisting organisation with id " + id);
        }
        return o;
    }
}
