package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AgreementStatus;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "AgreementTransition", description = "DRAFT->SIGNED (date = signed date), SIGNED->IN_FORCE (date within the term), IN_FORCE->EXPIRED (date on or after the term's end).")
public record AgreementTransition(@NotNull AgreementStatus status, @NotNull LocalDate date) {
}
