// PatternResolution: which key of a TableDesign serves an AccessPattern
// (the table's key, a GSI or an LSI) as a Query with its key condition and
// ScanIndexForward, or that none does and which GSI would. Value type and a
// pure function; safe from any thread.
#pragma once

#include "designer/accesspattern.h"
#include "designer/tabledesign.h"

#include <QCoreApplication>

namespace dd::ui {

struct PatternResolution {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::PatternResolution)
public:
    enum class Kind {
        Incomplete, // the pattern names no partition attribute yet
        Table,      // the table's own key
        Local,      // an LSI (index)
        Global,     // a GSI (index)
        None,       // nothing serves it; `suggestion` would
    };
    Kind kind = Kind::Incomplete;
    QString index;          // IndexName for Local and Global
    QString keyCondition;   // KeyConditionExpression, with #names for reserved words
    bool scanIndexForward = true;
    QString projection;     // the index's ProjectionType (Local, Global)
    IndexDesign suggestion; // None: a GSI on (partition, sort) that would serve the pattern; name empty when none could
    QString reason;         // None: why the closest key does not serve it (translated), may be empty

    QString summary() const; // one translated line: "Query on GSI byStatus: ... , ScanIndexForward=false"
};

// Which key serves `pattern` in `design`: the table's key first, then LSIs,
// then GSIs in the design's order. A key serves it when its partition key is
// the pattern's partition attribute and, if the pattern ranges over a sort
// attribute, its sort key is that attribute (and is a string or binary for
// begins_with). A GSI with a multi-attribute key serves it when that key has
// one partition attribute, the pattern's, and the pattern's sort attribute
// (if any) is its first sort attribute: a pattern names one of each, and a
// Query must give every partition attribute with = and may range only over
// the last of a prefix of sort attributes. When such an index holds the
// pattern's attributes but cannot serve it, `reason` says so. Attribute
// types for a suggestion come from the design's key definitions (every
// attribute of every key), else String.
PatternResolution resolvePattern(const TableDesign &design, const AccessPattern &pattern);

} // namespace dd::ui
