package cn.sc.countyeconomy.api.openapi;

import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiOperationsTest {

    private static final String DOC = """
        {"openapi":"3.1.0",
         "paths":{
          "/api/v1/counties/{code}":{
            "parameters":[{"name":"code","in":"path","required":true,"schema":{"type":"string"}}],
            "put":{"operationId":"updateCounty","tags":["Counties"],
                   "parameters":[{"name":"If-Match","in":"header","schema":{"type":"string"}}],
                   "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CountyUpdate"}}}},
                   "responses":{"200":{"description":"updated"},"403":{"description":"forbidden"}},
                   "x-required-roles":["admin"]},
            "get":{"responses":{"200":{"description":"the county","content":{"application/json":{"schema":{"type":"object"}}}}}}
          },
          "/api/v1/a":{"post":{"responses":{"201":{"description":"created"}}}}
         },
         "components":{"schemas":{"CountyUpdate":{"type":"object","properties":{"nameZh":{"type":"string"}}}}}}
        """;

    @Test
    void enumeratesEveryOperationSortedByPathThenMethod() {
        var ops = OpenApiOperations.parse(DOC).operations();
        assertEquals(3, ops.size());
        assertEquals("POST /api/v1/a", ops.get(0).key());
        assertEquals("GET /api/v1/counties/{code}", ops.get(1).key());
        assertEquals("PUT /api/v1/counties/{code}", ops.get(2).key());
    }

    @Test
    void mergesPathLevelParametersAndReadsBodyResponsesAndExtensions() {
        var doc = OpenApiOperations.parse(DOC);
        var put = doc.find("put", "/api/v1/counties/{code}").orElseThrow();
        assertEquals("updateCounty", put.operationId());
        assertEquals(2, put.parameters().size());
        assertTrue(put.parameter("path", "code").orElseThrow().required());
        assertTrue(put.requestBody().required());
        assertEquals("object", doc.resolve(put.requestBody().jsonSchema().orElseThrow()).path("type").asText());
        assertEquals(java.util.Set.of("200", "403"), put.statuses());
        assertEquals("admin", put.extension("x-required-roles").orElseThrow().get(0).asText());
        assertEquals("/api/v1/counties/510522", put.expand(Map.of("code", "510522")));
        assertFalse(put.isRead());
        var post = doc.find("POST", "/api/v1/a").orElseThrow();
        assertNull(post.operationId());
        assertNull(post.requestBody());
    }
}
