#pragma once
// The validate stage: every rule family reads the loaded Site and reports into the sink.
#include "config/rules.hpp"
#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::validate {

/// Runs every rule family. Field-level checks (types, required fields, links, slugs) already
/// happened while loading; these are the rules of the Положение and of the law.
void run_all(const model::Site& site, diag::Sink& sink);

}  // namespace nastavnik::validate
