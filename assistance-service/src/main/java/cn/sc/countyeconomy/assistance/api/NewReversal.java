package cn.sc.countyeconomy.assistance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewReversal", description = "Why a training record or cadre exchange is reversed; the original stays.")
public record NewReversal(@NotBlank @Size(max = 1000) String reason) {
}
