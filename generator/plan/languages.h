#pragma once
// The table of languages deckgen can compile and run. It is data: the front matter
// can add a language or replace a built-in one by name.
#include <optional>
#include <string>
#include <vector>

#include "model/snippet.h"

namespace deckgen {

std::vector<Language> builtin_languages();

// The built-in table with `extra` merged in (same name replaces).
std::vector<Language> language_table(const std::vector<Language>& extra);

const Language* find_language_by_name(const std::vector<Language>& table, const std::string& name);
const Language* find_language_by_extension(const std::vector<Language>& table, const std::string& extension);

// Replaces {file} {exe} {dir} {python} {snippets} in a command template.
std::vector<std::string> expand_command(const std::vector<std::string>& argv_template,
                                        const std::map<std::string, std::string>& values);

}  // namespace deckgen
