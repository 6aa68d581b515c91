// AWS profiles: an INI reader with the rules of Python's configparser as
// botocore uses it (configloader.py), and the resolution order of
// botocore's credential chain and config chain. Error messages are
// botocore's, so that they read as they do in the AWS CLI.
#include "client/awsprofile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace dd::client {

namespace {

const QString kDefault = QStringLiteral("default");

// One INI file: section header text -> lower-case key -> value. Follows
// configparser: whole-line comments start with '#' or ';'; keys end at the
// first '=' or ':'; an indented line continues the previous value (botocore
// reads such blocks as nested settings, which we do not use); inline
// comments are part of the value. A repeated section merges into the first
// (configparser would reject the file; being lenient costs nothing here).
QMap<QString, QMap<QString, QString>> parseIni(const QString &path)
{
    QMap<QString, QMap<QString, QString>> sections;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return sections;
    QString section;
    bool inSection = false;
    QString lastKey;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString line : lines) {
        if (line.endsWith(u'\r')) line.chop(1);
        const QString stripped = line.trimmed();
        if (stripped.isEmpty() || stripped.startsWith(u'#') || stripped.startsWith(u';')) continue;
        const bool indented = line.at(0).isSpace();
        if (indented && !lastKey.isEmpty()) {
            QString &value = sections[section][lastKey];
            value += u'\n' + stripped;
            continue;
        }
        if (stripped.startsWith(u'[')) {
            const qsizetype close = stripped.lastIndexOf(u']');
            if (close > 1) {
                section = stripped.mid(1, close - 1);
                inSection = true;
                sections[section];
                lastKey.clear();
                continue;
            }
        }
        if (!inSection) continue; // configparser: MissingSectionHeaderError; botocore gives up on the file
        const qsizetype eq = stripped.indexOf(u'=');
        const qsizetype colon = stripped.indexOf(u':');
        qsizetype cut = eq < 0 ? colon : colon < 0 ? eq : std::min(eq, colon);
        if (cut <= 0) {
            lastKey.clear();
            continue;
        }
        lastKey = stripped.first(cut).trimmed().toLower();
        sections[section][lastKey] = stripped.sliced(cut + 1).trimmed();
    }
    return sections;
}

// A header "profile x" (or 'profile "my x"') names profile x; anything else
// but "default" in the config file is not a profile (sso-session, services).
QString configProfileName(const QString &header)
{
    if (header == kDefault) return kDefault;
    if (!header.startsWith(QLatin1String("profile"))) return {};
    static const QRegularExpression re(QStringLiteral(R"re(^profile\s+("([^"]*)"|'([^']*)'|(\S+))\s*$)re"));
    const QRegularExpressionMatch m = re.match(header);
    if (!m.hasMatch()) return {};
    for (int group : {2, 3, 4})
        if (m.capturedStart(group) >= 0) return m.captured(group);
    return {};
}

bool isTrue(const QString &s)
{
    return s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

ApiError profileNotFound(const QString &name)
{
    return {QStringLiteral("ProfileNotFound"), QStringLiteral("The config profile (%1) could not be found").arg(name)};
}

ApiError partialCredentials(const QString &provider, const QString &missing)
{
    return {QStringLiteral("PartialCredentials"),
            QStringLiteral("Partial credentials found in %1, missing: %2").arg(provider, missing)};
}

// Keys from one profile section, if it has aws_access_key_id.
Result<std::optional<AwsCredentials>> keysFrom(const QMap<QString, QString> &section, const QString &provider)
{
    const QString access = section.value(QStringLiteral("aws_access_key_id"));
    if (!section.contains(QStringLiteral("aws_access_key_id"))) return std::optional<AwsCredentials>();
    if (!section.contains(QStringLiteral("aws_secret_access_key")))
        return partialCredentials(provider, QStringLiteral("aws_secret_access_key"));
    AwsCredentials c{access, section.value(QStringLiteral("aws_secret_access_key")),
                     section.value(QStringLiteral("aws_session_token"), section.value(QStringLiteral("aws_security_token")))};
    return std::optional<AwsCredentials>(c);
}

} // namespace

AwsProfiles::AwsProfiles(QProcessEnvironment environment) : m_env(std::move(environment)) {}

QString AwsProfiles::expandPath(const QString &path) const
{
    // os.path.expandvars then expanduser, as botocore does.
    QString out = path;
    static const QRegularExpression var(QStringLiteral(R"(\$(\w+|\{[^}]*\}))"));
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = var.match(out, from)).hasMatch()) {
        QString name = m.captured(1);
        if (name.startsWith(u'{')) name = name.mid(1, name.size() - 2);
        if (!m_env.contains(name)) {
            from = m.capturedEnd();
            continue;
        }
        const QString value = m_env.value(name);
        out.replace(m.capturedStart(), m.capturedLength(), value);
        from = m.capturedStart() + value.size();
    }
    if (out == u"~" || out.startsWith(QLatin1String("~/")))
        out = m_env.value(QStringLiteral("HOME"), QDir::homePath()) + out.mid(1);
    return out;
}

QString AwsProfiles::configPath() const
{
    return expandPath(m_env.value(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("~/.aws/config")));
}

QString AwsProfiles::credentialsPath() const
{
    return expandPath(m_env.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("~/.aws/credentials")));
}

AwsProfiles::Sections AwsProfiles::configProfiles() const
{
    Sections out;
    const auto ini = parseIni(configPath());
    for (auto it = ini.begin(); it != ini.end(); ++it) {
        const QString name = configProfileName(it.key());
        if (name.isEmpty()) continue;
        // [profile default] and [default] both name the default profile.
        Section &section = out[name];
        for (auto kv = it.value().begin(); kv != it.value().end(); ++kv) section[kv.key()] = kv.value();
    }
    return out;
}

AwsProfiles::Sections AwsProfiles::credentialsProfiles() const
{
    return parseIni(credentialsPath());
}

QStringList AwsProfiles::profileNames() const
{
    QStringList names = configProfiles().keys() + credentialsProfiles().keys();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        if ((a == kDefault) != (b == kDefault)) return a == kDefault;
        return a < b;
    });
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

Result<AwsProfile> AwsProfiles::profile(const QString &name) const
{
    const Sections config = configProfiles();
    const Sections credentials = credentialsProfiles();
    if (!config.contains(name) && !credentials.contains(name)) return profileNotFound(name);

    // botocore merges the credentials file's keys over the config file's.
    Section merged = config.value(name);
    const Section &fromCredentials = credentials.value(name);
    for (auto it = fromCredentials.begin(); it != fromCredentials.end(); ++it) merged[it.key()] = it.value();

    AwsProfile p;
    p.name = name;
    p.region = merged.value(QStringLiteral("region"));
    p.endpointUrl = merged.value(QStringLiteral("endpoint_url"));
    p.maxAttempts = merged.value(QStringLiteral("max_attempts")).toInt();

    // The shared credentials file is asked before the config file.
    DD_ASSIGN(const std::optional<AwsCredentials> fileKeys, keysFrom(fromCredentials, QStringLiteral("shared-credentials-file")));
    if (fileKeys) {
        p.credentials = *fileKeys;
        p.credentialsFrom = QStringLiteral("credentials file");
    } else {
        DD_ASSIGN(const std::optional<AwsCredentials> configKeys, keysFrom(config.value(name), QStringLiteral("config-file")));
        if (configKeys) {
            p.credentials = *configKeys;
            p.credentialsFrom = QStringLiteral("config file");
        }
    }
    if (merged.contains(QStringLiteral("role_arn"))) p.credentialSource = QStringLiteral("role_arn");
    else if (merged.contains(QStringLiteral("credential_process"))) p.credentialSource = QStringLiteral("credential_process");
    else if (merged.contains(QStringLiteral("sso_session")) || merged.contains(QStringLiteral("sso_start_url")))
        p.credentialSource = QStringLiteral("sso");
    else if (merged.contains(QStringLiteral("web_identity_token_file")))
        p.credentialSource = QStringLiteral("web_identity_token_file");
    return p;
}

Result<AwsProfile> AwsProfiles::resolve(const QString &explicitProfile) const
{
    auto env = [this](const char *name) { return m_env.value(QLatin1String(name)); };

    QString name = explicitProfile;
    if (name.isEmpty()) name = env("AWS_PROFILE");
    if (name.isEmpty()) name = env("AWS_DEFAULT_PROFILE");
    const bool named = !name.isEmpty();
    if (!named) name = kDefault;

    AwsProfile out;
    Result<AwsProfile> fromFiles = profile(name);
    if (fromFiles.ok()) out = std::move(fromFiles).value();
    else if (named) return fromFiles.error();
    out.name = name;

    // Keys in the environment win, unless the GUI chose the profile.
    if (explicitProfile.isEmpty()) {
        const QString access = env("AWS_ACCESS_KEY_ID");
        const QString secret = env("AWS_SECRET_ACCESS_KEY");
        if (!access.isEmpty() && secret.isEmpty())
            return partialCredentials(QStringLiteral("env"), QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        if (access.isEmpty() && !secret.isEmpty())
            return partialCredentials(QStringLiteral("env"), QStringLiteral("AWS_ACCESS_KEY_ID"));
        if (!access.isEmpty()) {
            QString token = env("AWS_SESSION_TOKEN");
            if (token.isEmpty()) token = env("AWS_SECURITY_TOKEN");
            out.credentials = AwsCredentials{access, secret, token};
            out.credentialsFrom = QStringLiteral("environment");
            out.credentialSource.clear();
        }
    }

    if (const QString region = env("AWS_REGION"); !region.isEmpty()) out.region = region;
    else if (const QString fallback = env("AWS_DEFAULT_REGION"); !fallback.isEmpty()) out.region = fallback;

    if (isTrue(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) out.endpointUrl.clear();
    else if (const QString url = env("AWS_ENDPOINT_URL_DYNAMODB"); !url.isEmpty()) out.endpointUrl = url;
    else if (const QString any = env("AWS_ENDPOINT_URL"); !any.isEmpty()) out.endpointUrl = any;

    if (const int attempts = env("AWS_MAX_ATTEMPTS").toInt(); attempts > 0) out.maxAttempts = attempts;
    return out;
}

} // namespace dd::client
