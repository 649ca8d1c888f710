#include "cli/app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "diag/printer.hpp"
#include "util/plural.hpp"
#include "util/suggest.hpp"

namespace nastavnik::cli {

std::unique_ptr<CLI::App> make_app(const std::string& name, const std::string& description) {
  auto app = std::make_unique<CLI::App>(description, "nastavnik " + name);
  app->option_defaults()->group("Параметры");
  app->set_help_flag("-h,--help", "показать эту справку и выйти");
  auto fmt = app->get_formatter();
  fmt->label("Usage", "Использование");
  fmt->label("OPTIONS", "ПАРАМЕТРЫ");
  fmt->label("Options", "Параметры");
  fmt->label("Positionals", "Аргументы");
  fmt->label("REQUIRED", "ОБЯЗАТЕЛЬНО");
  fmt->label("TEXT", "ТЕКСТ");
  fmt->label("INT", "ЧИСЛО");
  fmt->label("UINT", "ЧИСЛО");
  fmt->label("FLOAT", "ЧИСЛО");
  fmt->label("Excludes", "Несовместим с");
  fmt->label("Needs", "Требует");
  fmt->column_width(34);
  app->allow_extras(false);
  return app;
}

namespace {

std::string after_colon(const std::string& what) {
  auto p = what.find(": ");
  return p == std::string::npos ? what : what.substr(p + 2);
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
  }
  return names;
}

}  // namespace

std::optional<ExitStatus> parse(CLI::App& app, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return ExitStatus::ok;
  } catch (const CLI::ParseError& e) {
    std::string msg;
    std::string hint;
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
      std::string extra = after_colon(e.what());
      msg = "неизвестный параметр или лишний аргумент: " + extra;
      std::string first = extra.substr(0, extra.find(' '));
      if (auto best = util::closest(first, option_names(app))) hint = "возможно, имелось в виду " + *best;
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
      msg = "параметру не хватает значения или их слишком много: " + after_colon(e.what());
    } else if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e)) {
      msg = "недопустимое значение параметра: " + after_colon(e.what());
    } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
      msg = "не указан обязательный аргумент: " + after_colon(e.what());
    } else {
      msg = "неверная командная строка: " + std::string(e.what());
    }
    std::cerr << app.get_name() << ": " << msg << "\n";
    if (!hint.empty()) std::cerr << "  подсказка: " << hint << "\n";
    std::cerr << "Справка: " << app.get_name() << " --help\n";
    return ExitStatus::usage;
  }
  return std::nullopt;
}

bool resolve_now(const std::string& text, util::Date& out) {
  if (text.empty()) {
    out = util::today();
    return true;
  }
  if (auto d = util::parse_iso_date(text)) {
    out = *d;
    return true;
  }
  print_error("--now: «" + text + "» — не дата; нужен формат ГГГГ-ММ-ДД, например --now 2024-09-01");
  return false;
}

bool use_color(int fd) { return ::isatty(fd) && std::getenv("NO_COLOR") == nullptr; }

void print_error(const std::string& message) { std::cerr << "nastavnik: " << message << "\n"; }

void print_diagnostics(const diag::Sink& sink, const PrintOptions& options) {
  auto items = sink.sorted();
  if (options.json) {
    std::cout << diag::format_json(items);
    return;
  }
  if (options.quiet)
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const diag::Diagnostic& d) { return d.severity != diag::Severity::error; }),
                items.end());
  diag::TextStyle style;
  style.color = use_color(STDERR_FILENO);
  style.site_dir = options.site_dir;
  std::cerr << diag::format_text(items, style);
  if (!options.quiet || sink.errors() > 0) std::cerr << util::diagnostics_summary(sink.errors(), sink.warnings()) << "\n";
}

}  // namespace nastavnik::cli
