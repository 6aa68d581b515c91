// The expression AST shared by the parser, the resolve pass, the evaluator
// and the update applier. The parser fills the raw fields (names as written,
// #name and :value references unresolved); the resolve pass (resolve.h)
// fills the resolved fields (Path, AttributeValue) and validates. After
// resolution the tree is immutable and may be read from any thread.
#pragma once

#include "expr/expressions.h"
#include "model/attributevalue.h"

#include <QString>

#include <vector>

namespace dd::expr {

// The largest list index AWS accepts in a document path.
inline constexpr qint64 kMaxListIndex = 4294967294;

// One step of a path as written: a plain name, a #reference or a [index].
struct RawStep {
    enum class Kind { Name, NameRef, Index } kind = Kind::Name;
    QString text; // the name or "#ref" as written; for Index, the digits of an index out of range
    qint64 index = 0; // list index for Index; -1 when out of AWS's range (0 to kMaxListIndex)
};

// An operand of a comparison, function argument or SET value.
struct Operand {
    enum class Kind { Path, Value, Call, Plus, Minus } kind = Kind::Path;
    std::vector<RawStep> rawPath; // Path: as written
    Path path;                    // Path: resolved
    QString valueRef;             // Value: ":v" as written
    model::AttributeValue value;  // Value: resolved
    QString function;             // Call: function name, case-sensitive
    std::vector<Operand> args;    // Call arguments; Plus/Minus: the two terms
    int parens = 0;               // parentheses directly around this operand
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };
QString compareOpText(CompareOp op); // "=", "<>", ...

// A condition or filter expression node.
struct Condition {
    enum class Kind { Or, And, Not, Compare, Between, In, Call } kind = Kind::Compare;
    CompareOp op = CompareOp::Eq;     // Compare
    std::vector<Condition> children;  // Or/And: two; Not: one
    std::vector<Operand> operands;    // Compare: 2; Between: 3; In: 1 + list; Call: the arguments
    QString function;                 // Call: function name
    int parens = 0;                   // parentheses directly around this node
};

enum class ActionKind { Set, Remove, Add, Delete };
QString actionKindText(ActionKind k); // "SET", "REMOVE", "ADD", "DELETE"

// One action of an update expression.
struct UpdateAction {
    ActionKind kind = ActionKind::Set;
    std::vector<RawStep> rawPath; // target as written
    Path path;                    // target, resolved
    Operand value;                // SET: the value; ADD/DELETE: a Value operand; REMOVE: unused
};

struct Update {
    std::vector<UpdateAction> actions; // in expression order
    std::vector<ActionKind> clauses;   // clause keywords in order (for the once-only rule)
    std::vector<Path> paths;           // resolved action targets, expression order
    bool legacy = false;               // from AttributeUpdates: PUT=Set, ADD=Add, DELETE=Delete or Remove (expr/legacy.h)
};

struct Projection {
    std::vector<std::vector<RawStep>> rawPaths;
    std::vector<Path> paths;
};

} // namespace dd::expr
