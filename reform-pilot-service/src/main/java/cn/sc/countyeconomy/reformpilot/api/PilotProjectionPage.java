package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of {@link PilotProjection}, for the OpenAPI document only (the answer is a {@code PageResult}). */
@Schema(name = "PilotProjectionPage")
public class PilotProjectionPage {

    public List<PilotProjection> items;
    public int page;
    public int size;
    public long totalItems;
    public int totalPages;
}
