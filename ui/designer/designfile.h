// Table design files: TableDesign::toJson() written to and read from disk
// as indented JSON (".design.json"). Safe from any thread; the caller
// decides where (the designer calls them on the GUI thread: the files are
// small).
#pragma once

#include "designer/tabledesign.h"

namespace dd::ui::designfile {

// Writes `design` to `path`. False and *error (one line) when it cannot.
bool save(const QString &path, const TableDesign &design, QString *error);
// Reads a design saved by save(). False and *error (one translated line)
// when the file cannot be read or is not a table design.
bool load(const QString &path, TableDesign *design, QString *error);

} // namespace dd::ui::designfile
