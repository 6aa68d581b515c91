// AWS profiles resolve as the AWS SDKs (botocore) resolve them: named
// profiles from both shared files, credentials file over config file,
// environment keys over files unless a profile was chosen explicitly,
// AWS_REGION over AWS_DEFAULT_REGION over the profile. Every case runs
// against temporary files and its own environment.
#include "client/awsprofile.h"

#include <QTemporaryDir>
#include <QtTest>

using dd::client::AwsProfile;
using dd::client::AwsProfiles;

namespace {

const char kConfig[] = R"INI(# a comment
[default]
region = us-east-1
output = json

[profile work]
region=eu-west-1
max_attempts = 7
s3 =
    addressing_style = path
; another comment
[profile "with space"]
region : ap-south-1
aws_access_key_id = CONFIGKEY
aws_secret_access_key = CONFIGSECRET

[profile config-only]
aws_access_key_id = ONLYCONFIG
aws_secret_access_key = ONLYCONFIGSECRET
aws_session_token = ONLYCONFIGTOKEN
endpoint_url = http://localhost:8000

[profile role]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = default

[profile sso]
sso_session = corp

[sso-session corp]
sso_region = us-east-1

[not-a-profile]
region = xx-none-1
)INI";

const char kCredentials[] = "[default]\r\n"
                            "aws_access_key_id = DEFAULTKEY\r\n"
                            "aws_secret_access_key = DEFAULTSECRET\r\n"
                            "\r\n"
                            "[work]\n"
                            "AWS_ACCESS_KEY_ID=WORKKEY\n"
                            "aws_secret_access_key=WORK/SECRET+=\n"
                            "aws_session_token = WORKTOKEN\n"
                            "[with space]\n"
                            "aws_access_key_id = CREDKEY\n"
                            "aws_secret_access_key = CREDSECRET\n"
                            "[creds-only]\n"
                            "aws_access_key_id = C\n"
                            "aws_secret_access_key = S\n"
                            "region = sa-east-1\n"
                            "[partial]\n"
                            "aws_access_key_id = P\n";

QStringList vars(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list) out.append(QString::fromUtf8(s));
    return out;
}

} // namespace

class TestAwsProfile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    void write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    // An environment with HOME in the temp dir and the standard file names.
    QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars = {}) const
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("HOME"), m_dir.path());
        for (const auto &[k, v] : vars) e.insert(QLatin1String(k), QString::fromUtf8(v));
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral(".aws")));
        write(QStringLiteral(".aws/config"), kConfig);
        write(QStringLiteral(".aws/credentials"), kCredentials);
    }

    void paths()
    {
        const AwsProfiles byHome(env());
        QCOMPARE(byHome.configPath(), m_dir.filePath(QStringLiteral(".aws/config")));
        QCOMPARE(byHome.credentialsPath(), m_dir.filePath(QStringLiteral(".aws/credentials")));
        const AwsProfiles byEnv(env({{"AWS_CONFIG_FILE", "~/other/config"}, {"AWS_SHARED_CREDENTIALS_FILE", "$HOME/c"}}));
        QCOMPARE(byEnv.configPath(), m_dir.filePath(QStringLiteral("other/config")));
        QCOMPARE(byEnv.credentialsPath(), m_dir.filePath(QStringLiteral("c")));
    }

    void listsProfilesFromBothFiles()
    {
        const QStringList expected{QStringLiteral("default"), QStringLiteral("config-only"), QStringLiteral("creds-only"),
                                   QStringLiteral("partial"), QStringLiteral("role"), QStringLiteral("sso"),
                                   QStringLiteral("with space"), QStringLiteral("work")};
        QCOMPARE(AwsProfiles(env()).profileNames(), expected);
    }

    void missingFilesListNothing()
    {
        const AwsProfiles profiles(env({{"AWS_CONFIG_FILE", "/nonexistent/config"}, {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"}}));
        QVERIFY(profiles.profileNames().isEmpty());
        const auto resolved = profiles.resolve();
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->name, QStringLiteral("default"));
        QVERIFY(!resolved->credentials.isValid());
        QVERIFY(resolved->region.isEmpty());
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("explicitProfile");
        QTest::addColumn<QStringList>("environment"); // NAME=value
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("region");

        const QStringList none;
        QTest::newRow("default profile") << QString() << none << "default" << "DEFAULTKEY" << "DEFAULTSECRET" << ""
                                         << "credentials file" << "us-east-1";
        QTest::newRow("explicit work") << "work" << none << "work" << "WORKKEY" << "WORK/SECRET+=" << "WORKTOKEN"
                                       << "credentials file" << "eu-west-1";
        QTest::newRow("AWS_PROFILE") << QString() << vars({"AWS_PROFILE=work"}) << "work" << "WORKKEY"
                                     << "WORK/SECRET+=" << "WORKTOKEN" << "credentials file" << "eu-west-1";
        QTest::newRow("AWS_DEFAULT_PROFILE") << QString() << vars({"AWS_DEFAULT_PROFILE=work"}) << "work" << "WORKKEY"
                                             << "WORK/SECRET+=" << "WORKTOKEN" << "credentials file" << "eu-west-1";
        QTest::newRow("AWS_PROFILE over AWS_DEFAULT_PROFILE")
            << QString() << vars({"AWS_PROFILE=work", "AWS_DEFAULT_PROFILE=creds-only"}) << "work" << "WORKKEY"
            << "WORK/SECRET+=" << "WORKTOKEN" << "credentials file" << "eu-west-1";
        QTest::newRow("explicit over AWS_PROFILE") << "creds-only" << vars({"AWS_PROFILE=work"}) << "creds-only"
                                                   << "C" << "S" << "" << "credentials file" << "sa-east-1";
        QTest::newRow("credentials file over config file") << "with space" << none << "with space" << "CREDKEY"
                                                           << "CREDSECRET" << "" << "credentials file" << "ap-south-1";
        QTest::newRow("config file keys") << "config-only" << none << "config-only" << "ONLYCONFIG"
                                          << "ONLYCONFIGSECRET" << "ONLYCONFIGTOKEN" << "config file" << "";
        QTest::newRow("env keys over files") << QString()
                                             << vars({"AWS_PROFILE=work", "AWS_ACCESS_KEY_ID=ENVKEY",
                                                            "AWS_SECRET_ACCESS_KEY=ENVSECRET", "AWS_SESSION_TOKEN=ENVTOKEN"})
                                             << "work" << "ENVKEY" << "ENVSECRET" << "ENVTOKEN" << "environment" << "eu-west-1";
        QTest::newRow("legacy AWS_SECURITY_TOKEN") << QString()
                                                   << vars({"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=ENVSECRET",
                                                                  "AWS_SECURITY_TOKEN=OLDTOKEN"})
                                                   << "default" << "ENVKEY" << "ENVSECRET" << "OLDTOKEN" << "environment"
                                                   << "us-east-1";
        QTest::newRow("explicit profile ignores env keys")
            << "work" << vars({"AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=ENVSECRET"}) << "work" << "WORKKEY"
            << "WORK/SECRET+=" << "WORKTOKEN" << "credentials file" << "eu-west-1";
        QTest::newRow("AWS_DEFAULT_REGION over profile") << "work" << vars({"AWS_DEFAULT_REGION=us-west-2"}) << "work"
                                                         << "WORKKEY" << "WORK/SECRET+=" << "WORKTOKEN"
                                                         << "credentials file" << "us-west-2";
        QTest::newRow("AWS_REGION over AWS_DEFAULT_REGION")
            << "work" << vars({"AWS_DEFAULT_REGION=us-west-2", "AWS_REGION=ca-central-1"}) << "work" << "WORKKEY"
            << "WORK/SECRET+=" << "WORKTOKEN" << "credentials file" << "ca-central-1";
        QTest::newRow("no keys") << "role" << none << "role" << "" << "" << "" << "" << "";
    }

    void resolve()
    {
        QFETCH(QString, explicitProfile);
        QFETCH(QStringList, environment);
        QFETCH(QString, name);
        QFETCH(QString, keyId);
        QFETCH(QString, secret);
        QFETCH(QString, token);
        QFETCH(QString, from);
        QFETCH(QString, region);

        QProcessEnvironment e = env();
        for (const QString &kv : environment) e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        const auto resolved = AwsProfiles(e).resolve(explicitProfile);
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : qPrintable(resolved.error().message()));
        QCOMPARE(resolved->name, name);
        QCOMPARE(resolved->credentials.accessKeyId, keyId);
        QCOMPARE(resolved->credentials.secretAccessKey, secret);
        QCOMPARE(resolved->credentials.sessionToken, token);
        QCOMPARE(resolved->credentialsFrom, from);
        QCOMPARE(resolved->region, region);
    }

    void reportsCredentialSources()
    {
        const AwsProfiles profiles(env());
        QCOMPARE(profiles.resolve(QStringLiteral("role"))->credentialSource, QStringLiteral("role_arn"));
        QCOMPARE(profiles.resolve(QStringLiteral("sso"))->credentialSource, QStringLiteral("sso"));
        QCOMPARE(profiles.resolve(QStringLiteral("work"))->credentialSource, QString());
    }

    void endpointAndAttempts()
    {
        auto r = AwsProfiles(env()).resolve(QStringLiteral("config-only"));
        QCOMPARE(r->endpointUrl, QStringLiteral("http://localhost:8000"));
        QCOMPARE(r->maxAttempts, 0);
        r = AwsProfiles(env()).resolve(QStringLiteral("work"));
        QCOMPARE(r->maxAttempts, 7);
        QVERIFY(r->endpointUrl.isEmpty());

        r = AwsProfiles(env({{"AWS_ENDPOINT_URL", "http://any:1"}, {"AWS_MAX_ATTEMPTS", "2"}})).resolve(QStringLiteral("work"));
        QCOMPARE(r->endpointUrl, QStringLiteral("http://any:1"));
        QCOMPARE(r->maxAttempts, 2);
        r = AwsProfiles(env({{"AWS_ENDPOINT_URL", "http://any:1"}, {"AWS_ENDPOINT_URL_DYNAMODB", "http://ddb:2"}})).resolve(QStringLiteral("config-only"));
        QCOMPARE(r->endpointUrl, QStringLiteral("http://ddb:2"));
        r = AwsProfiles(env({{"AWS_ENDPOINT_URL", "http://any:1"}, {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}})).resolve(QStringLiteral("config-only"));
        QVERIFY(r->endpointUrl.isEmpty());
    }

    void errors()
    {
        auto r = AwsProfiles(env()).resolve(QStringLiteral("nope"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type(), QStringLiteral("ProfileNotFound"));
        QCOMPARE(r.error().message(), QStringLiteral("The config profile (nope) could not be found"));

        r = AwsProfiles(env({{"AWS_PROFILE", "nope"}})).resolve();
        QCOMPARE(r.error().type(), QStringLiteral("ProfileNotFound"));

        // [not-a-profile] in the config file is not a profile.
        QCOMPARE(AwsProfiles(env()).resolve(QStringLiteral("not-a-profile")).error().type(), QStringLiteral("ProfileNotFound"));

        r = AwsProfiles(env()).resolve(QStringLiteral("partial"));
        QCOMPARE(r.error().type(), QStringLiteral("PartialCredentials"));
        QCOMPARE(r.error().message(), QStringLiteral("Partial credentials found in shared-credentials-file, missing: aws_secret_access_key"));

        r = AwsProfiles(env({{"AWS_ACCESS_KEY_ID", "X"}})).resolve();
        QCOMPARE(r.error().message(), QStringLiteral("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY"));
    }
};

QTEST_GUILESS_MAIN(TestAwsProfile)
#include "tst_awsprofile.moc"
