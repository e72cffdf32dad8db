package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.api.AssessmentCategoryView;
import cn.sc.countyeconomy.registry.api.CategoryAssignmentUpdate;
import cn.sc.countyeconomy.registry.api.CategoryAssignmentView;
import cn.sc.countyeconomy.registry.api.EndCategoryAssignment;
import cn.sc.countyeconomy.registry.api.NewCategoryAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assessment category assignments per county and year: add, correct, end. */
@ApplicationScoped
public class CategoryService {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "year", "year", "categoryCode", "categoryCode");
    static final SortFields BY_CODE = SortFields.of("code", "code");
    static final SortFields BY_YEAR = SortFields.of("year", "year");

    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ReadCache cache;

    @Transactional
    public CategoryAssignmentView create(NewCategoryAssignment r) {
        feed.lockForWrite();
        requireCategory(r.categoryCode());
        CountyLife.of(r.countyCode()).requireLivesIn(r.year());
        CategoryAssignment existing = CategoryAssignment.<CategoryAssignment>find("countyCode = ?1 and year = ?2 and endedOn is null",
                r.countyCode(), r.year()).firstResultOptional().orElse(null);
        if (existing != null) {
            throw ApiException.conflict("County " + r.countyCode() + " already has category " + existing.categoryCode + " for " + r.year()
                    + " (assignment " + existing.id + "); correct it with PUT or end it first").with("conflictingId", existing.id);
        }
        CategoryAssignment a = new CategoryAssignment();
        a.countyCode = r.countyCode();
        a.year = r.year();
        a.categoryCode = r.categoryCode();
        a.source = r.source();
        a.persist();
        em.flush();
        CategoryAssignmentView view = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "CREATED", LocalDate.of(a.year, 1, 1), payload(a, null));
        audit.record("CategoryAssignment", a.id, "CREATE", null, view);
        return view;
    }

    @Transactional
    public CategoryAssignmentView correct(long id, String ifMatch, CategoryAssignmentUpdate r) {
        feed.lockForWrite();
        CategoryAssignment a = find(id);
        Preconditions.requireMatch(ifMatch, a.version);
        requireCategory(r.categoryCode());
        CategoryAssignmentView before = view(a);
        a.categoryCode = r.categoryCode();
        a.source = r.source();
        em.flush();
        CategoryAssignmentView after = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "CORRECTED", LocalDate.of(a.year, 1, 1), payload(a, null));
        audit.record("CategoryAssignment", a.id, "CORRECT", before, after, r.reason());
        return after;
    }

    @Transactional
    public CategoryAssignmentView end(long id, String ifMatch, EndCategoryAssignment r) {
        feed.lockForWrite();
        CategoryAssignment a = find(id);
        Preconditions.requireMatch(ifMatch, a.version);
        if (a.endedOn != null) {
            throw ApiException.rule("already-ended", "Category assignment " + id + " was already ended on " + a.endedOn);
        }
        CategoryAssignmentView before = view(a);
        a.endedOn = r.endDate() == null ? LocalDate.now(clock) : r.endDate();
        a.endReason = r.reason();
        em.flush();
        CategoryAssignmentView after = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "ENDED", a.endedOn, payload(a, null));
        audit.record("CategoryAssignment", a.id, "END", before, after, r.reason());
        return after;
    }

    /** The assessment categories, paged. */
    public PageResult<AssessmentCategoryView> categories(PageParams paging) {
        return PageResult.of(AssessmentCategory.findAll(BY_CODE.panache(paging.rawSort())), paging, AssessmentCategoryView::of);
    }

    /** Assignments in force (with includeEnded, ended ones too), filtered by year, county and category (null: any). */
    public PageResult<CategoryAssignmentView> list(Integer year, String county, String category, boolean includeEnded, PageParams paging) {
        Filter f = Filter.where().isNull("endedOn", includeEnded ? null : Boolean.TRUE).eq("year", year).eq("countyCode", county)
                .eq("categoryCode", category);
        return cache.list(List.of("category-assignments", Arrays.asList(year, county, category, includeEnded), paging.page(), paging.size(),
                List.copyOf(paging.rawSort())), () -> page(f, SORT, paging));
    }

    /** The assignments of one county, ended ones with their end; 404 for a code that never was a county. */
    public PageResult<CategoryAssignmentView> ofCounty(String code, PageParams paging) {
        return cache.list(List.of("county-categories", code, paging.page(), paging.size(), List.copyOf(paging.rawSort())), () -> {
            if (Division.count("code = ?1 and level = ?2", code, Division.COUNTY) == 0) {
                throw ApiException.notFound("County", code);
            }
            return page(Filter.where().eq("countyCode", code), BY_YEAR, paging);
        });
    }

    public CategoryAssignmentView get(long id) {
        return view(find(id));
    }

    /** A page of assignments: one query for the page, one for its count, one for the names of its counties. */
    private static PageResult<CategoryAssignmentView> page(Filter f, SortFields sort, PageParams paging) {
        PageResult<CategoryAssignment> rows = PageResult.of(f.find(CategoryAssignment.class, sort.panache(paging.rawSort())), paging, a -> a);
        Map<String, String> names = CountyReads.latestNames(rows.items().stream().map(a -> a.countyCode).toList());
        Map<String, String> categories = CountyReads.categoryNames();
        return new PageResult<>(rows.items().stream().map(a -> CategoryAssignmentView.of(a, names.get(a.countyCode), categories.get(a.categoryCode)))
                .toList(), rows.page(), rows.size(), rows.totalItems(), rows.totalPages());
    }

    static CategoryAssignment find(long id) {
        CategoryAssignment a = CategoryAssignment.findById(id);
        if (a == null) {
            throw ApiException.notFound("Category assignment", id);
        }
        return a;
    }

    static CategoryAssignmentView view(CategoryAssignment a) {
        return CategoryAssignmentView.of(a, CountyReads.latestName(a.countyCode), CountyReads.categoryName(a.categoryCode));
    }

    private static void requireCategory(String code) {
        if (AssessmentCategory.findById(code) == null) {
            throw ApiException.rule("unknown-category", "categoryCode: no assessment category '" + code
                    + "'; one of CITY_CORE_DISTRICT, KEY_DEVELOPMENT, MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION").with("categoryCode", code);
        }
    }

    static Map<String, Object> payload(CategoryAssignment a, DivisionChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("countyCode", a.countyCode);
        m.put("year", a.year);
        m.put("categoryCode", a.categoryCode);
        m.put("source", a.source);
        m.put("endedOn", a.endedOn);
        m.put("version", a.version);
        if (change != null) {
            m.put("changeId", change.id);
            m.put("changeKind", change.kind);
        }
        return m;
    }
}
