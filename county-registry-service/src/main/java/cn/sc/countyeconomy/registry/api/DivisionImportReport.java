package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "DivisionImportReport")
public record DivisionImportReport(@Schema(description = "True when nothing was written.") boolean dryRun,
        @Schema(description = "Data rows read.") int rowsRead,
        ImportCounts provinces, ImportCounts prefectures, ImportCounts counties,
        @Schema(description = "Rows contradicting the register (any refuses a real import with 409); at most 200 listed.") List<ImportConflict> conflicts,
        @Schema(description = "How many conflicts in all.") int conflictCount,
        @Schema(description = "Validity start given to created divisions.") LocalDate validFrom,
        @Schema(description = "Change feed sequence after the import (null on a dry run or when nothing was created).", nullable = true) Long lastSequence) {
}
