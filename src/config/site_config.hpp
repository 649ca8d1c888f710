#pragma once
// site.yaml → SiteConfig.
#include <optional>
#include <string>
#include <vector>

#include "config/rules.hpp"

namespace nastavnik::config {

struct School {
  std::string name, full_name, site, address, phone, email;
};

struct Curator {
  std::string name, position, email, phone;
};

/// URL slugs of the sections (SPEC defaults).
struct Sections {
  std::string regulation = "polozhenie";
  std::string roadmap = "dorozhnaya-karta";
  std::string bank = "baza";
  std::string programs = "programmy";
  std::string practices = "praktiki";
  std::string news = "novosti";
  std::string documents = "dokumenty";
  std::string monitoring = "monitoring";
  std::string search = "poisk";
};

struct LinksConfig {
  int timeout = 10;
  int concurrency = 8;
  std::vector<std::string> exclude;  ///< ECMAScript regular expressions
};

struct SiteConfig {
  std::string title;
  std::string description;  ///< optional: meta description of the landing page
  std::string base_url;     ///< absolute, always ends with '/'
  std::string base_path;    ///< path of base_url, e.g. "/nastavnichestvo/"
  School school;
  std::optional<Curator> curator;
  diag::SourcePos curator_pos;  ///< where curator.name is written (the privacy leak scan points here)
  diag::SourcePos title_pos, description_pos;  ///< where title and description are written (idem)
  Sections sections;
  int news_per_page = 10;
  bool typography = true;
  bool unsafe_html = false;
  Rules rules;
  std::string deploy_target;
  int deploy_max_delete = 50;  ///< deletions `deploy --delete` makes without --yes (net::DeployOptions)
  LinksConfig links;
};

}  // namespace nastavnik::config
