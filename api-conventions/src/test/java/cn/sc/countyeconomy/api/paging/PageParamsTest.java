package cn.sc.countyeconomy.api.paging;

import cn.sc.countyeconomy.api.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageParamsTest {

    @Test
    void defaultsArePageZeroSizeTwenty() {
        PageParams p = new PageParams();
        assertEquals(0, p.page());
        assertEquals(20, p.size());
    }

    @Test
    void sizeAboveFiveHundredOrBelowOneIs400() {
        assertEquals(400, assertThrows(ApiException.class, () -> PageParams.of(0, 501).size()).status());
        assertEquals(400, assertThrows(ApiException.class, () -> PageParams.of(0, 0).size()).status());
        assertEquals(500, PageParams.of(0, 500).size());
    }

    @Test
    void nonNumericOrNegativeValuesAre400NamingTheParameter() {
        PageParams p = new PageParams();
        p.page = "abc";
        ApiException e = assertThrows(ApiException.class, p::page);
        assertEquals(400, e.status());
        assertEquals("page", e.toProblem().violations.get(0).field());
        assertEquals(400, assertThrows(ApiException.class, () -> PageParams.of(-1, 20).page()).status());
    }

    @Test
    void pagesAListInMemory() {
        PageResult<Integer> r = PageResult.ofList(List.of(1, 2, 3, 4, 5), PageParams.of(2, 2));
        assertEquals(List.of(5), r.items());
        assertEquals(5, r.totalItems());
        assertEquals(3, r.totalPages());
        assertEquals(List.of(), PageResult.ofList(List.of(1, 2), PageParams.of(9, 2)).items());
    }
}
