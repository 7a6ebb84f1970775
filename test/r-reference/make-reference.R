# Reference values for Zengshou's statistics engine (src/modules/stats), computed with R's survey package.
#
#   Rscript test/r-reference/make-reference.R      # writes test/r-reference/survey-reference.json
#
# Needs Debian's r-base-core and r-cran-survey. R is not a runtime dependency: the tests
# read the committed JSON. Data: the api datasets shipped with survey (apistrat, apiclus1, apiclus2) and
# constructed cases. Every case carries its own data, design, and the values R computed.

suppressPackageStartupMessages(library(survey))

# Minimal JSON writer with full double precision (17 significant digits; jsonlite stops at 15).
json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      keys <- vapply(names(x), json_string, "")
      return(paste0("{", paste0(keys, ":", vapply(x, json, ""), collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
  }
  if (is.factor(x)) x <- as.character(x)
  atom <- if (is.character(x)) {
    ifelse(is.na(x), "null", vapply(x, json_string, ""))
  } else if (is.logical(x)) {
    ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else {
    ifelse(is.finite(x), sprintf("%.17g", as.numeric(x)), "null")
  }
  if (length(x) == 1 && is.null(attr(x, "array"))) atom else paste0("[", paste(atom, collapse = ","), "]")
}
json_string <- function(s) paste0('"', gsub('(["\\\\])', "\\\\\\1", s), '"')
arr <- function(x) structure(x, array = TRUE) # always a JSON array, even of length 1

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_file <- file.path(dirname(normalizePath(script)), "survey-reference.json")

data(api)
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE, survey.ultimate.cluster = FALSE)

num <- function(x) unname(as.numeric(x))

stat_of <- function(obj) list(estimate = num(coef(obj))[1], se = num(SE(obj))[1])

ratio_of <- function(obj) list(estimate = num(obj$ratio)[1], se = sqrt(num(obj$var)[1]))

# Domain designs as svyby() makes them: design[byfactor %in% level, ]
domain_levels <- function(des, by) {
  v <- des$variables[[by]]
  lev <- sort(unique(v))
  lapply(lev, function(l) list(label = as.character(l), des = des[v %in% l, ]))
}

# Weighted Gini, PRODUCT.md formula: sum((2r - w) w y) / (N T) - 1
gini_w <- function(y, w) {
  o <- order(y)
  y <- y[o]
  w <- w[o]
  r <- cumsum(w)
  sum((2 * r - w) * w * y) / (sum(w) * sum(w * y)) - 1
}

# Linearised variance of the Gini from a brute-force numerical derivative of the estimator with respect
# to each weight (central differences), passed to svyrecvar: an independent check of the analytic
# influence function in src/modules/stats/survey/gini.ts.
gini_numeric <- function(des, yname) {
  y <- des$variables[[yname]]
  w <- 1 / des$prob
  keep <- w > 0
  G <- gini_w(y[keep], w[keep])
  u <- numeric(length(y))
  for (k in which(keep)) {
    h <- 1e-5 * w[k]
    wp <- w
    wp[k] <- w[k] + h
    wm <- w
    wm[k] <- w[k] - h
    u[k] <- (gini_w(y[keep], wp[keep]) - gini_w(y[keep], wm[keep])) / (2 * h)
  }
  v <- svyrecvar(u * w, des$cluster, des$strata, des$fpc, postStrata = des$postStrata)
  list(estimate = G, se = sqrt(num(v)[1]))
}

quantile_of <- function(des, yname, ps, qrule = "math") {
  q <- svyquantile(as.formula(paste0("~", yname)), des, quantiles = ps, ci = TRUE, qrule = qrule)[[1]]
  lapply(seq_along(ps), function(i) {
    list(p = ps[i], estimate = num(q[i, 1]), ci = c(num(q[i, 2]), num(q[i, 3])), se = num(q[i, 4]))
  })
}

# All estimators of a spec on a design, overall and by domain.
run_spec <- function(des, spec, rep = FALSE) {
  out <- list()
  one <- function(d, domain) {
    r <- list()
    if (!is.null(spec$mean)) for (v in spec$mean)
      r[[length(r) + 1]] <- c(list(stat = "mean", y = v, domain = domain), stat_of(svymean(as.formula(paste0("~", v)), d)))
    if (!is.null(spec$total)) for (v in spec$total)
      r[[length(r) + 1]] <- c(list(stat = "total", y = v, domain = domain), stat_of(svytotal(as.formula(paste0("~", v)), d)))
    if (!is.null(spec$ratio)) for (rr in spec$ratio) {
      o <- svyratio(as.formula(paste0("~", rr[1])), as.formula(paste0("~", rr[2])), d)
      r[[length(r) + 1]] <- c(list(stat = "ratio", y = rr[1], x = rr[2], domain = domain),
                              if (rep) list(estimate = num(o$ratio)[1], se = sqrt(num(o$var)[1])) else ratio_of(o))
    }
    if (!rep && !is.null(spec$quantile)) for (v in spec$quantile)
      for (rule in spec$qrules)
        r[[length(r) + 1]] <- list(stat = "quantile", y = v, qrule = rule, domain = domain,
                                   df = degf(d), values = quantile_of(d, v, spec$ps, rule))
    if (!rep && !is.null(spec$gini)) for (v in spec$gini)
      r[[length(r) + 1]] <- c(list(stat = "gini", y = v, domain = domain), gini_numeric(d, v))
    r
  }
  out <- one(des, NULL)
  if (!is.null(spec$by)) {
    for (by in spec$by) {
      for (dl in domain_levels(des, by)) {
        out <- c(out, one(dl$des, list(by = by, value = dl$label)))
      }
    }
  }
  out
}

cols <- function(df, names) {
  res <- lapply(names, function(n) {
    v <- df[[n]]
    if (is.factor(v)) as.character(v) else as.vector(v)
  })
  names(res) <- names
  res
}

cases <- list()
add_case <- function(name, data, design, results, extra = list()) {
  cases[[length(cases) + 1]] <<- c(list(name = name, data = data, design = design, results = results), extra)
}

spec_api <- list(mean = c("api00", "enroll"), total = c("enroll", "api00"), ratio = list(c("api00", "api99")),
                 quantile = c("api00"), ps = c(0.1, 0.25, 0.5, 0.75, 0.9), qrules = c("math", "hf7"),
                 gini = c("api00"), by = c("stype", "comp.imp"))

# 1. apistrat: stratified by school type, fpc as population sizes
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
add_case("apistrat", cols(apistrat, c("stype", "pw", "fpc", "api00", "api99", "enroll", "comp.imp")),
         list(weights = "pw", strata = "stype", fpc = "fpc"), run_spec(dstrat, spec_api))

# 2. apistrat with the fpc given as sampling fractions
apistrat2 <- apistrat
apistrat2$frac <- as.vector(table(apistrat$stype)[as.character(apistrat$stype)]) / apistrat$fpc
dstrat2 <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat2, fpc = ~frac)
add_case("apistrat-fraction-fpc", cols(apistrat2, c("stype", "pw", "frac", "api00", "api99", "enroll", "comp.imp")),
         list(weights = "pw", strata = "stype", fpc = "frac"),
         run_spec(dstrat2, list(mean = "api00", total = "enroll", ratio = list(c("api00", "api99")), by = "comp.imp")))

# 3. apiclus1: one-stage cluster sample of districts, fpc
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
add_case("apiclus1", cols(apiclus1, c("dnum", "stype", "pw", "fpc", "api00", "api99", "enroll", "comp.imp")),
         list(weights = "pw", psu = "dnum", fpc = "fpc"), run_spec(dclus1, spec_api))

# 4. apiclus2: two-stage sample, ultimate-cluster variance (first stage only), with and without fpc
dclus2 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus2)
spec2 <- list(mean = "api00", total = "api99", ratio = list(c("api00", "api99")), quantile = "api00",
              ps = c(0.25, 0.5, 0.75), qrules = "math", gini = "api00", by = "stype")
add_case("apiclus2", cols(apiclus2, c("dnum", "snum", "stype", "pw", "fpc1", "api00", "api99", "enroll")),
         list(weights = "pw", psu = "dnum"), run_spec(dclus2, spec2))
options(survey.ultimate.cluster = TRUE)
dclus2u <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)
add_case("apiclus2-ultimate-fpc", cols(apiclus2, c("dnum", "snum", "stype", "pw", "fpc1", "api00", "api99", "enroll")),
         list(weights = "pw", psu = "dnum", fpc = "fpc1"),
         run_spec(dclus2u, list(mean = "api00", total = "api99", ratio = list(c("api00", "api99")), by = "stype")))
options(survey.ultimate.cluster = FALSE)

# 5. Single-PSU strata: apiclus1 districts grouped into strata, one of them with a single district
lonely <- apiclus1
d1 <- sort(unique(lonely$dnum))
lonely$stratum <- ifelse(lonely$dnum == d1[1], "S0", ifelse(lonely$dnum <= d1[8], "S1", "S2"))
for (rule in c("remove", "certainty", "average", "adjust")) {
  options(survey.lonely.psu = rule)
  dl <- svydesign(id = ~dnum, strata = ~stratum, weights = ~pw, data = lonely)
  add_case(paste0("lonely-", rule), cols(lonely, c("dnum", "stratum", "stype", "pw", "api00", "api99", "enroll")),
           list(weights = "pw", strata = "stratum", psu = "dnum", lonely = rule),
           run_spec(dl, list(mean = "api00", total = "enroll", ratio = list(c("api00", "api99")), by = "stype")))
}
options(survey.lonely.psu = "fail")
dl <- svydesign(id = ~dnum, strata = ~stratum, weights = ~pw, data = lonely)
failed <- tryCatch({ svymean(~api00, dl); "no error" }, error = function(e) conditionMessage(e))
add_case("lonely-fail", cols(lonely, c("dnum", "stratum", "stype", "pw", "api00")),
         list(weights = "pw", strata = "stratum", psu = "dnum", lonely = "fail"), list(), list(error = failed))

# 6. Constructed: nested PSU labels, a domain absent from some PSUs and strata, zero weights, ties
set.seed(9)
con <- data.frame(stratum = rep(c("A", "B", "C"), c(12, 9, 9)),
                  psu = c(rep(1:4, each = 3), rep(1:3, each = 3), rep(1:3, each = 3)))
con$w <- round(runif(nrow(con), 5, 40), 1)
con$w[c(4, 17)] <- 0
con$income <- round(rlnorm(nrow(con), 10, 0.7), -2)
con$income[c(2, 3, 11)] <- con$income[1]
con$members <- sample(1:5, nrow(con), replace = TRUE)
con$group <- ifelse(con$stratum == "C", "x", ifelse(con$psu %in% c(1, 2), "x", "y"))
dcon <- svydesign(id = ~psu, strata = ~stratum, weights = ~w, data = con, nest = TRUE)
add_case("constructed-nested", cols(con, c("stratum", "psu", "w", "income", "members", "group")),
         list(weights = "w", strata = "stratum", psu = "psu", nest = TRUE),
         run_spec(dcon, list(mean = "income", total = c("income", "members"), ratio = list(c("income", "members")),
                             quantile = "income", ps = c(0.2, 0.5, 0.8), qrules = c("math", "hf7"),
                             gini = "income", by = "group")))

# 7. Calibration of apiclus1 (the survey package's own examples)
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
cal_data <- cols(apiclus1, c("dnum", "stype", "sch.wide", "pw", "fpc", "api00", "api99", "enroll", "comp.imp"))
spec_cal <- list(mean = c("api00", "enroll"), total = c("enroll", "api00"), ratio = list(c("api00", "api99")),
                 quantile = "api00", ps = c(0.25, 0.5, 0.75), qrules = "math", gini = "api00", by = "comp.imp")
dps <- postStratify(dclus1, ~stype, pop.types)
add_case("apiclus1-poststratified", cal_data, list(weights = "pw", psu = "dnum", fpc = "fpc"), run_spec(dps, spec_cal),
         list(calibration = list(list(kind = "poststratify", group = "stype",
                                      population = as.list(setNames(pop.types$Freq, pop.types$stype)))),
              weights = num(weights(dps))))
drk <- rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide))
add_case("apiclus1-raked", cal_data, list(weights = "pw", psu = "dnum", fpc = "fpc"), run_spec(drk, spec_cal),
         list(calibration = list(list(kind = "rake", margins = list(
           list(group = "stype", population = as.list(setNames(pop.types$Freq, pop.types$stype))),
           list(group = "sch.wide", population = as.list(setNames(pop.schwide$Freq, pop.schwide$sch.wide)))))),
           weights = num(weights(drk))))
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
dlin <- calibrate(dclus1, ~stype + api99, pop.totals)
add_case("apiclus1-calibrated-linear", cal_data, list(weights = "pw", psu = "dnum", fpc = "fpc"), run_spec(dlin, spec_cal),
         list(calibration = list(list(kind = "calibrate", calfun = "linear", columns = c("1", "stype=H", "stype=M", "api99"),
                                      totals = num(pop.totals))),
              weights = num(weights(dlin))))
drak <- calibrate(dclus1, ~stype + api99, pop.totals, calfun = "raking", epsilon = 1e-14, maxit = 100)
add_case("apiclus1-calibrated-raking", cal_data, list(weights = "pw", psu = "dnum", fpc = "fpc"), run_spec(drak, spec_cal),
         list(calibration = list(list(kind = "calibrate", calfun = "raking", columns = c("1", "stype=H", "stype=M", "api99"),
                                      totals = num(pop.totals))),
              weights = num(weights(drak))))

# 8. Replicate weights
rep_spec <- list(mean = c("api00", "enroll"), total = "enroll", ratio = list(c("api00", "api99")), by = "stype")
rj1 <- as.svrepdesign(dclus1, type = "JK1")
add_case("apiclus1-jk1", cols(apiclus1, c("dnum", "stype", "pw", "fpc", "api00", "api99", "enroll")),
         list(weights = "pw", psu = "dnum", fpc = "fpc", replicate = "JK1"), run_spec(rj1, rep_spec, rep = TRUE),
         list(scale = rj1$scale))
rjn <- as.svrepdesign(dstrat, type = "JKn")
add_case("apistrat-jkn", cols(apistrat, c("stype", "pw", "fpc", "api00", "api99", "enroll")),
         list(weights = "pw", strata = "stype", fpc = "fpc", replicate = "JKn"), run_spec(rjn, rep_spec, rep = TRUE))
set.seed(20240509)
rboot <- as.svrepdesign(dclus1, type = "bootstrap", replicates = 50)
add_case("apiclus1-bootstrap", cols(apiclus1, c("dnum", "stype", "pw", "fpc", "api00", "api99", "enroll")),
         list(weights = "pw", psu = "dnum", replicate = "bootstrap"), run_spec(rboot, rep_spec, rep = TRUE),
         list(replicateWeights = lapply(seq_len(ncol(weights(rboot, "analysis"))), function(j) num(weights(rboot, "analysis")[, j])),
              scale = rboot$scale, rscales = num(rboot$rscales)))

# 9. Weighted quantile rules on plain data (qrule_math, qrule_hf7) and R's quantile(type = 7)
qps <- c(0.05, 0.1, 0.2, 0.25, 1/3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9, 0.95, 1)
quantile_rules <- list(
  list(y = apistrat$api00, w = apistrat$pw,
       math = sapply(qps, function(p) survey:::qrule_math(apistrat$api00, apistrat$pw, p)),
       hf7 = sapply(qps, function(p) survey:::qrule_hf7(apistrat$api00, apistrat$pw, p))),
  list(y = con$income, w = con$w,
       math = sapply(qps, function(p) survey:::qrule_math(con$income, con$w, p)),
       hf7 = sapply(qps, function(p) survey:::qrule_hf7(con$income, con$w, p))),
  list(y = c(3, 1, 4, 1, 5, 9, 2, 6), w = rep(1, 8),
       math = sapply(qps, function(p) survey:::qrule_math(c(3, 1, 4, 1, 5, 9, 2, 6), rep(1, 8), p)),
       hf7 = num(quantile(c(3, 1, 4, 1, 5, 9, 2, 6), qps, type = 7)))
)

ref <- list(
  generated = list(by = "test/r-reference/make-reference.R", r = R.version.string,
                   survey = as.character(packageVersion("survey")), date = format(Sys.Date())),
  quantileRules = list(ps = qps, cases = quantile_rules),
  cases = cases
)
writeLines(json(ref), out_file)
cat("wrote", out_file, "with", length(cases), "cases\n")
