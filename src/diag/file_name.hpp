#pragma once
// The name of a source file as positions carry it: one interned copy per distinct name, shared
// by every position in the file. A page has dozens of positions (each field, key, heading, text
// block and link), and a rebuild reads 10,000 pages back from the parse cache: copying the name
// into each was a tenth of its time. Copying a FileName copies a pointer.
#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace nastavnik::diag {

class FileName {
 public:
  FileName() = default;
  FileName(std::string_view name) : m(intern(name)) {}  // NOLINT: implicit, as a string
  FileName(const std::string& name) : FileName(std::string_view(name)) {}  // NOLINT
  FileName(const char* name) : FileName(std::string_view(name)) {}  // NOLINT

  const std::string& str() const { return m ? *m : empty_name(); }
  operator const std::string&() const { return str(); }  // NOLINT: used as a string
  const char* c_str() const { return str().c_str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }

  friend bool operator==(const FileName& a, const FileName& b) { return a.m == b.m; }  // one copy per name
  friend bool operator==(const FileName& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }
  friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const FileName& a, const FileName& b) { return a.str() <=> b.str(); }
  friend std::string operator+(const FileName& a, std::string_view b) { return a.str() + std::string(b); }
  friend std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const FileName& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& os, const FileName& f);

 private:
  /// The one copy of `name` (never freed: the names of a site's files are few).
  static const std::string* intern(std::string_view name);
  static const std::string& empty_name();
  const std::string* m = nullptr;  ///< null: empty
};

}  // namespace nastavnik::diag
