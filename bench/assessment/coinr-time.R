# COINr's own time on this machine for the data set NationalBenchmark wrote (2,978 x 30): a full
# build of the coin with the same choices (Screen byNA 0.9, i_mean, default Treat, n_minmax 0-100,
# a_amean in 5 areas of 6, then the index), median of 3, and a few uncertainty replications
# (weights of levels 1 and 2 ±25%, n_minmax | n_zscore, i_mean | i_median).
# Usage: Rscript bench/assessment/coinr-time.R data.csv [replications]
suppressPackageStartupMessages(library(COINr))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) > 1) as.integer(args[2]) else 5L
data <- read.csv(args[1], stringsAsFactors = FALSE)
codes <- names(data)[-1]
areas <- c("ECONOMIC_DEVELOPMENT", "URBAN_RURAL_DEVELOPMENT", "LIVING_STANDARDS", "ECOLOGY", "RISK_CONTROL")
iMeta <- rbind(
  data.frame(iCode = codes, iName = codes, Level = 1, Parent = areas[(seq_along(codes) - 1) %/% 6 + 1],
             Direction = ifelse((seq_along(codes) - 1) %% 5 == 4, -1, 1), Weight = 1 / 30, Type = "Indicator"),
  data.frame(iCode = c(areas, "INDEX"), iName = c(areas, "INDEX"), Level = c(rep(2, 5), 3),
             Parent = c(rep("INDEX", 5), NA), Direction = 1, Weight = c(rep(0.2, 5), 1), Type = "Aggregate"))
build <- function() {
  coin <- new_coin(data, iMeta, quietly = TRUE, level_names = c("Indicator", "Area", "Index"))
  coin <- Screen(coin, dset = "Raw", unit_screen = "byNA", dat_thresh = 0.9)
  coin <- Impute(coin, dset = "Screened", f_i = "i_mean", warn_on_NAs = FALSE)
  coin <- suppressWarnings(Treat(coin, dset = "Imputed"))
  coin <- Normalise(coin, dset = "Treated", global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))))
  Aggregate(coin, dset = "Normalised", f_ag = "a_amean")
}
times <- sapply(1:3, function(i) system.time(coin <<- suppressMessages(build()))[["elapsed"]])
cat(sprintf("BENCH COINr %s full build: median %.3f s (of 3: %s)\n", packageVersion("COINr"), median(times),
            paste(sprintf("%.3f", times), collapse = ", ")))
set.seed(1)
noisy <- get_noisy_weights(coin$Meta$Weights$Original, data.frame(Level = c(1, 2), NoiseFactor = c(0.25, 0.25)), Nrep = reps)
specs <- list(
  Weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"),
  Normalisation = list(Address = "$Log$Normalise$global_specs",
                       Distribution = list(list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))),
                                           list(f_n = "n_zscore", f_n_para = list(m_sd = c(0, 1)))), Type = "discrete"),
  Imputation = list(Address = "$Log$Impute$f_i", Distribution = c("i_mean", "i_median"), Type = "discrete"))
t <- system.time(suppressWarnings(suppressMessages(get_sensitivity(coin, specs, N = reps, SA_type = "UA", dset = "Aggregated",
                                                                  iCode = "INDEX", quietly = TRUE))))[["elapsed"]]
cat(sprintf("BENCH COINr uncertainty: %d replications in %.2f s = %.3f s per replication (1,000 would take %.0f s)\n",
            reps, t, t / reps, 1000 * t / reps))
