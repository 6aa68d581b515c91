// The resolve pass: substitutes #name and :value references in a parsed
// expression, records which were used, and applies DynamoDB's static checks
// (reserved words, undefined references, function names, operand counts and
// literal operand types, overlapping paths, limits). On failure it returns
// AWS's message without the "Invalid <Parameter>: " prefix, choosing among
// several problems in the order DynamoDB reports them.
#pragma once

#include "expr/ast.h"

#include <map>
#include <optional>
#include <set>

namespace dd::expr {

// DynamoDB's documented expression limits (Developer Guide, "Service,
// account, and table quotas": expression parameters).
constexpr int kMaxExpressionBytes = 4096;  // any expression string
constexpr int kMaxInOperands = 100;        // IN comparator list
constexpr int kMaxPathDepth = 32;          // document path nesting levels

// The request's references and what has been used of them. Not owned.
// Ordered containers rather than hashes: a request has a handful of each.
struct ResolveContext {
    const std::map<QString, QString> *names = nullptr;                  // "#n" -> attribute name
    const std::map<QString, model::AttributeValue> *values = nullptr;   // ":v" -> value
    std::set<QString> *usedNames = nullptr;
    std::set<QString> *usedValues = nullptr;
};

// Each returns nullopt on success (the tree then holds resolved paths and
// values) or the message of the first problem DynamoDB would report.
std::optional<QString> resolveCondition(Condition &condition, const ResolveContext &ctx);
std::optional<QString> resolveUpdate(Update &update, const ResolveContext &ctx);
std::optional<QString> resolveProjection(Projection &projection, const ResolveContext &ctx);

// "[a, b, [2]]", the path form DynamoDB's overlap messages use.
QString pathListText(const Path &path);

} // namespace dd::expr
