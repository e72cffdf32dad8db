package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of {@link PilotView}, for the OpenAPI document only (the answer is a {@code PageResult}). */
@Schema(name = "PilotPage")
public class PilotPage {

    public List<PilotView> items;
    public int page;
    public int size;
    public long totalItems;
    public int totalPages;
}
