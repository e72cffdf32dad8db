# Runs COINr itself on small hand-made data sets (and one larger generated one) and writes what it
# computes as JSON fixtures for assessment-service's tests (CI has no R: the tests read the
# committed files). Usage, from the repository root, after tools/coinr/install.sh:
#   Rscript tools/coinr/make-fixtures.R [output directory]
# Each case states the scheme the Java side builds (indicators with area, direction, weight,
# normalisation, imputation, treatment; aggregation; data threshold; parameters), the data, and
# COINr's results: screened units, treated and normalised values, area scores, index, ranks and
# each indicator's treatment.
suppressPackageStartupMessages({
  library(COINr)
  library(jsonlite)
})

out_dir <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(out_dir)) out_dir <- "assessment-service/src/test/resources/coinr"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

header <- list(
  coinr = as.character(packageVersion("COINr")),
  r = paste(R.version$major, R.version$minor, sep = "."),
  made_by = "tools/coinr/make-fixtures.R"
)

# ---------------------------------------------------------------- building one coin as the scheme says

# ind: data frame with iCode, Area, Direction, Weight, Treat (logical) and optional Target,
# goalpost_lower, goalpost_upper. Area weights are the sums of their indicators' weights.
build_meta <- function(ind, norm) {
  areas <- unique(ind$Area)
  area_w <- sapply(areas, function(a) sum(ind$Weight[ind$Area == a]))
  iMeta <- data.frame(iCode = ind$iCode, iName = ind$iCode, Level = 1, Parent = ind$Area,
                      Direction = ind$Direction, Weight = ind$Weight, Type = "Indicator")
  if (norm$f_n == "n_goalposts") {
    iMeta$goalpost_lower <- ind$goalpost_lower
    iMeta$goalpost_upper <- ind$goalpost_upper
    iMeta$goalpost_scale <- norm$scale
    iMeta$goalpost_trunc2posts <- norm$trunc
  }
  if (norm$f_n == "n_dist2targ") {
    iMeta$Target <- ind$Target
    iMeta$dist2targ_cap_max <- norm$cap_max
  }
  agg <- data.frame(iCode = c(areas, "INDEX"), iName = c(areas, "INDEX"), Level = c(rep(2, length(areas)), 3),
                    Parent = c(rep("INDEX", length(areas)), NA), Direction = 1,
                    Weight = c(unname(area_w), 1), Type = "Aggregate")
  for (col in setdiff(names(iMeta), names(agg))) agg[[col]] <- NA
  rbind(iMeta, agg[names(iMeta)])
}

norm_specs <- function(norm) {
  switch(norm$f_n,
         n_minmax = list(f_n = "n_minmax", f_n_para = list(l_u = norm$l_u)),
         n_zscore = list(f_n = "n_zscore", f_n_para = list(m_sd = norm$m_sd)),
         n_rank = list(f_n = "n_rank"),
         n_prank = list(f_n = "n_prank"),
         n_goalposts = list(f_n = "n_goalposts", f_n_para = "use_iMeta"),
         n_dist2targ = list(f_n = "n_dist2targ", f_n_para = "use_iMeta"))
}

java_norm <- c(n_minmax = "MIN_MAX", n_zscore = "Z_SCORE", n_rank = "RANK", n_prank = "PERCENTILE_RANK",
               n_goalposts = "GOALPOSTS", n_dist2targ = "DISTANCE_TO_TARGET")
java_imp <- c(none = "NONE", i_mean = "CATEGORY_MEAN", i_median = "CATEGORY_MEDIAN")

build_coin <- function(data, ind, dat_thresh, f_i, norm, f_ag, treat_para) {
  iMeta <- build_meta(ind, norm)
  coin <- new_coin(data, iMeta, quietly = TRUE, level_names = c("Indicator", "Area", "Index"))
  coin <- Screen(coin, dset = "Raw", unit_screen = "byNA", dat_thresh = dat_thresh)
  coin <- Impute(coin, dset = "Screened", f_i = if (f_i == "none") NULL else f_i, disable = (f_i == "none"),
                 warn_on_NAs = FALSE)
  untreated <- ind$iCode[!ind$Treat]
  indiv <- if (length(untreated) > 0) setNames(as.list(rep("none", length(untreated))), untreated) else NULL
  global <- list(f1_para = list(winmax = treat_para$winmax, skew_thresh = treat_para$skew, kurt_thresh = treat_para$kurt),
                 f_pass_para = list(skew_thresh = treat_para$skew, kurt_thresh = treat_para$kurt))
  coin <- suppressWarnings(Treat(coin, dset = "Imputed", global_specs = global, indiv_specs = indiv))
  coin <- suppressWarnings(Normalise(coin, dset = "Treated", global_specs = norm_specs(norm)))
  coin <- Aggregate(coin, dset = "Normalised", f_ag = f_ag)
  coin
}

treatment_of <- function(coin, codes) {
  pts <- coin$Analysis$Treated$Treated_Points
  dets <- coin$Analysis$Treated$Dets_Table
  sapply(codes, function(code) {
    p <- if (!is.null(pts[[code]])) pts[[code]] else ""
    if (any(grepl("log_CT", p))) "LOG_TRANSFORMED"
    else if (any(grepl("win", p))) paste0("WINSORISED:", dets$winsorise.nwin[dets$iCode == code])
    else "NONE"
  }, simplify = FALSE)
}

run_case <- function(name, about, data, ind, dat_thresh = 0, f_i = "none", norm = list(f_n = "n_minmax", l_u = c(0, 100)),
                     f_ag = "a_amean", treat_para = list(winmax = 5, skew = 2, kurt = 3.5)) {
  coin <- build_coin(data, ind, dat_thresh, f_i, norm, f_ag, treat_para)
  agg <- get_dset(coin, "Aggregated")
  areas <- unique(ind$Area)
  params <- list(winmax = treat_para$winmax, skewThreshold = treat_para$skew, kurtosisThreshold = treat_para$kurt)
  if (norm$f_n == "n_minmax") { params$minMaxLower <- norm$l_u[1]; params$minMaxUpper <- norm$l_u[2] }
  if (norm$f_n == "n_zscore") { params$zScoreMean <- norm$m_sd[1]; params$zScoreSd <- norm$m_sd[2] }
  if (norm$f_n == "n_goalposts") { params$goalpostScale <- norm$scale; params$goalpostTruncate <- norm$trunc }
  if (norm$f_n == "n_dist2targ") { params$dist2targCapMax <- norm$cap_max }
  indicators <- lapply(seq_len(nrow(ind)), function(j) {
    list(code = ind$iCode[j], area = ind$Area[j],
         direction = if (ind$Direction[j] == 1) "HIGHER_IS_BETTER" else "LOWER_IS_BETTER",
         weight = ind$Weight[j], treat = ind$Treat[j], normalisation = unname(java_norm[norm$f_n]),
         imputation = unname(java_imp[f_i]),
         target = if (!is.null(ind$Target)) ind$Target[j] else NULL,
         lowerGoalpost = if (!is.null(ind$goalpost_lower)) ind$goalpost_lower[j] else NULL,
         upperGoalpost = if (!is.null(ind$goalpost_upper)) ind$goalpost_upper[j] else NULL)
  })
  list(
    name = name, about = about,
    scheme = list(aggregation = if (f_ag == "a_amean") "ARITHMETIC" else "GEOMETRIC",
                  minDataShare = dat_thresh, parameters = params, indicators = indicators),
    data = data,
    coinr = list(
      screened = get_dset(coin, "Screened")$uCode,
      treatment = treatment_of(coin, ind$iCode),
      treated = get_dset(coin, "Treated"),
      normalised = get_dset(coin, "Normalised"),
      areas = agg[c("uCode", areas)],
      index = agg$INDEX,
      rank = rank(-agg$INDEX, ties.method = "min", na.last = "keep"),
      uCode = agg$uCode
    )
  )
}

ind_df <- function(codes, areas, dirs, weights, treat = TRUE) {
  data.frame(iCode = codes, Area = areas, Direction = dirs, Weight = weights, Treat = treat)
}

units <- function(n) sprintf("U%03d", seq_len(n))

cases <- list()

# 1. Treatment: the vectors the project's old tests used, ties at the top, negative skew,
#    lower-is-better, zero spread, missing values.
n <- 30
pow2 <- c(rep(1, 20), 2^(1:10))
ties <- c(rep(1, 24), 2, 3, 10, 100, 1000, 10000)
neg <- c(0, 1, 2, rep(100, 17), 99, 98, 97, 96, 95, 94, 93, 92, 91, 90)
tied_top <- c(1:26, 500, 500, 500, 2000)
zero <- rep(7, n)
mixed <- c(3.5, -2, 0, 0, 7.25, 11, 40, 2, 2, 9, NA, 5, 6, 4, 3, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 400)
d1 <- data.frame(uCode = units(n), POW2 = pow2, TIES = ties, NEG = neg, TIEDTOP = tied_top, ZERO = zero, MIXED = mixed)
ind1 <- ind_df(c("POW2", "TIES", "NEG", "TIEDTOP", "ZERO", "MIXED"), c("A", "A", "A", "B", "B", "B"),
               c(1, -1, 1, 1, 1, -1), c(0.2, 0.2, 0.1, 0.2, 0.1, 0.2))
cases[[length(cases) + 1]] <- run_case("treatment", "COINr's default Treat: winsorise up to winmax (ties may pass it), else log_CT of the original; negative skew; lower-is-better; zero spread (NaN normalised, dropped in aggregation); a missing value",
                                       d1, ind1)
cases[[length(cases) + 1]] <- run_case("treatment-winmax2", "winmax = 2, skew threshold 1.5, kurtosis threshold 3",
                                       d1, ind1, treat_para = list(winmax = 2, skew = 1.5, kurt = 3))

# 2. Normalisations, each with its parameters; ties, a missing value, lower-is-better, zero spread.
d2 <- data.frame(uCode = units(8),
                 X1 = c(10, 20, 40, 20, 5, NA, 33, 12),
                 X2 = c(50, 70, 70, 110, 60, 90, 80, 55),
                 X3 = c(1, 1, 1, 1, 1, 1, 1, 1),
                 X4 = c(-3, 0.5, 2, 8, 8, 1, -1, 4))
ind2 <- ind_df(c("X1", "X2", "X3", "X4"), c("A", "A", "B", "B"), c(1, -1, 1, -1), c(0.3, 0.2, 0.25, 0.25), FALSE)
ind2$Target <- c(30, 60, 2, 0)
ind2$goalpost_lower <- c(0, 40, 0, -5)
ind2$goalpost_upper <- c(35, 100, 2, 6)
for (nm in list(
  list(f_n = "n_minmax", l_u = c(0, 100)), list(f_n = "n_minmax", l_u = c(1, 10)),
  list(f_n = "n_zscore", m_sd = c(0, 1)), list(f_n = "n_zscore", m_sd = c(50, 10)),
  list(f_n = "n_rank"), list(f_n = "n_prank"),
  list(f_n = "n_goalposts", scale = 100, trunc = TRUE), list(f_n = "n_goalposts", scale = 1, trunc = FALSE),
  list(f_n = "n_dist2targ", cap_max = FALSE), list(f_n = "n_dist2targ", cap_max = TRUE))) {
  label <- paste(c(nm$f_n, unlist(nm[-1])), collapse = "-")
  cases[[length(cases) + 1]] <- run_case(paste0("normalise-", label), paste("COINr", nm$f_n, "with", deparse(nm[-1])), d2, ind2, norm = nm)
}

# 3. Aggregation level by level with a missing indicator (the issue's example: area A has two
#    indicators at 0.25, area B one at 0.5; U1 has a1 = 100, a2 missing, b = 0: COINr gives 50).
d3 <- data.frame(uCode = units(3), a1 = c(100, 0, 50), a2 = c(NA, 50, 100), b = c(0, 100, 50))
ind3 <- ind_df(c("a1", "a2", "b"), c("A", "A", "B"), c(1, 1, 1), c(0.25, 0.25, 0.5), FALSE)
cases[[length(cases) + 1]] <- run_case("aggregate-missing", "a_amean level by level: a missing indicator is dropped within its area, the area keeps its weight",
                                       d3, ind3)
cases[[length(cases) + 1]] <- run_case("aggregate-geometric", "a_gmean level by level on min-max 1-100 (a_gmean refuses values <= 0)",
                                       d3, ind3, norm = list(f_n = "n_minmax", l_u = c(1, 100)), f_ag = "a_gmean")

# 4. Screening and imputation: U5 has 2 of 5 indicators (0.4 < 0.6) and is screened out.
d4 <- data.frame(uCode = units(7),
                 Y1 = c(1, 2, NA, 4, NA, 10, 3), Y2 = c(5, NA, 7, 9, 11, 2, NA),
                 Y3 = c(0.1, 0.4, 0.2, NA, NA, 0.9, 0.3), Y4 = c(100, 200, 300, 400, NA, 250, 150),
                 Y5 = c(3, 3, 4, 8, 1, 2, 2))
ind4 <- ind_df(c("Y1", "Y2", "Y3", "Y4", "Y5"), c("A", "A", "B", "B", "C"), c(1, -1, 1, 1, -1), c(0.2, 0.2, 0.2, 0.2, 0.2), FALSE)
cases[[length(cases) + 1]] <- run_case("impute-mean", "Screen byNA at 0.6, i_mean", d4, ind4, dat_thresh = 0.6, f_i = "i_mean")
cases[[length(cases) + 1]] <- run_case("impute-median", "Screen byNA at 0.6, i_median", d4, ind4, dat_thresh = 0.6, f_i = "i_median")

# 5. A larger generated set: 300 units x 12 indicators in 3 areas, log-normal, 3% missing, the
#    issue's choices (screening at 90%, mean imputation, default treatment, min-max, a_amean).
set.seed(12)
nl <- 300
big <- data.frame(uCode = units(nl))
for (j in 1:12) {
  v <- exp(2 + rnorm(nl) * (0.5 + j / 8))
  if (j %% 4 == 0) v <- -v
  v[runif(nl) < 0.03] <- NA
  big[[sprintf("G%02d", j)]] <- round(v, 6)
}
indb <- ind_df(sprintf("G%02d", 1:12), rep(c("E", "S", "R"), each = 4), ifelse((1:12) %% 5 == 0, -1, 1),
               round(rep(c(0.1, 0.08, 0.07), each = 4) * c(1, 1.1, 0.9, 1), 6), TRUE)
cases[[length(cases) + 1]] <- run_case("generated-300x12", "300 generated units, 12 indicators, 3 areas: Screen 0.9, i_mean, Treat, n_minmax, a_amean",
                                       big, indb, dat_thresh = 0.9, f_i = "i_mean")

write_json(c(header, list(cases = cases)), file.path(out_dir, "construction.json"), digits = NA, auto_unbox = TRUE,
           na = "null", null = "null", pretty = FALSE)

# ---------------------------------------------------------------- uncertainty analysis

set.seed(5)
ns <- 40
sd <- data.frame(uCode = units(ns))
for (j in 1:6) sd[[sprintf("S%d", j)]] <- round(exp(rnorm(ns)) * 10 + j, 4)
sd$S2[c(3, 17)] <- NA
sd$S5[9] <- NA
inds <- ind_df(sprintf("S%d", 1:6), c("A", "A", "A", "B", "B", "B"), c(1, 1, -1, 1, -1, 1), c(0.1, 0.2, 0.2, 0.15, 0.15, 0.2), TRUE)
coin <- build_coin(sd, inds, 0, "i_mean", list(f_n = "n_minmax", l_u = c(0, 100)), "a_amean",
                   list(winmax = 5, skew = 2, kurt = 3.5))
seed <- 42L
N <- 60
set.seed(seed)
noisy <- get_noisy_weights(w = coin$Meta$Weights$Original,
                           noise_specs = data.frame(Level = c(1, 2), NoiseFactor = c(0.25, 0.25)), Nrep = N)
SA_specs <- list(
  Weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"),
  Normalisation = list(Address = "$Log$Normalise$global_specs",
                       Distribution = list(list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))),
                                           list(f_n = "n_zscore", f_n_para = list(m_sd = c(0, 1)))),
                       Type = "discrete"),
  Imputation = list(Address = "$Log$Impute$f_i", Distribution = c("i_mean", "i_median"), Type = "discrete")
)
SA <- suppressMessages(get_sensitivity(coin, SA_specs = SA_specs, N = N, SA_type = "UA", dset = "Aggregated",
                                       iCode = "INDEX", quietly = TRUE))
weights_order <- coin$Meta$Weights$Original
write_json(c(header, list(
  about = "get_noisy_weights(levels 1 and 2, noise 0.25, Nrep = N) then get_sensitivity(UA, N) over weights, normalisation (n_minmax 0-100 | n_zscore 0,1) and imputation (i_mean | i_median), set.seed(seed) once before both",
  seed = seed, N = N, noise = 0.25,
  normalisations = c("MIN_MAX", "Z_SCORE"), imputations = c("CATEGORY_MEAN", "CATEGORY_MEDIAN"),
  weightsOrder = weights_order,
  scheme = list(aggregation = "ARITHMETIC", minDataShare = 0,
                indicators = lapply(seq_len(nrow(inds)), function(j) list(
                  code = inds$iCode[j], area = inds$Area[j],
                  direction = if (inds$Direction[j] == 1) "HIGHER_IS_BETTER" else "LOWER_IS_BETTER",
                  weight = inds$Weight[j], treat = TRUE, normalisation = "MIN_MAX", imputation = "CATEGORY_MEAN"))),
  data = sd,
  rankStats = SA$RankStats
)), file.path(out_dir, "sensitivity.json"), digits = NA, auto_unbox = TRUE, na = "null", null = "null")

cat("COINr", header$coinr, ": wrote", length(cases), "construction cases and the sensitivity case to", out_dir, "\n")
