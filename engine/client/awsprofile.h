// AWS profiles: the shared config and credentials files (~/.aws/config,
// ~/.aws/credentials) and the AWS_* environment variables, resolved with
// the precedence of the AWS SDKs, so that a connection in Dynamodesk sees
// the same keys and region as `aws --profile x` does. The connection dialog
// lists profiles with AwsProfiles::profileNames() and builds an HttpClient
// from AwsProfiles::resolve() (see HttpClient::Config::fromProfile()).
//
// Supported: static keys (with session tokens), region, endpoint_url and
// max_attempts. Profiles that obtain credentials another way (role_arn,
// credential_process, SSO, web identity) are reported through
// AwsProfile::credentialSource so that the GUI can say why there are no keys.
//
// Reads the files on each call; no state but the environment. Safe from any
// thread (each object on one thread at a time).
#pragma once

#include "security/sigv4.h"
#include "model/result.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace dd::client {

// SigV4 and credentials live with the engine's security (the endpoint verifies what clients sign).
using security::AwsCredentials;
using security::SigV4;

// One profile's settings, or the settings a connection resolved to.
struct AwsProfile {
    QString name;                // "default", "work"; empty when nothing named a profile
    QString region;              // "eu-west-1"; empty if neither the profile nor the environment names one
    AwsCredentials credentials;  // invalid (empty) if no keys were found
    QString credentialsFrom;     // where the keys came from: "environment", "credentials file", "config file", or empty
    QString credentialSource;    // a way of getting keys Dynamodesk cannot follow ("role_arn", "credential_process", "sso", "web_identity_token_file"), or empty
    QString endpointUrl;         // endpoint_url / AWS_ENDPOINT_URL[_DYNAMODB]; empty means AWS's endpoint
    int maxAttempts = 0;         // max_attempts / AWS_MAX_ATTEMPTS; 0 if unset
};

class AwsProfiles {
public:
    // Reads files and variables from `environment` (HOME, AWS_CONFIG_FILE,
    // AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, ...). Tests pass their own.
    explicit AwsProfiles(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    // AWS_CONFIG_FILE or ~/.aws/config; AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials.
    QString configPath() const;
    QString credentialsPath() const;

    // Every profile in either file: [default] and [profile x] in config, [x]
    // in credentials. Sorted, "default" first. Missing files list nothing.
    QStringList profileNames() const;

    // The profile `name` as the files define it, without the environment:
    // credentials file values override the config file's for the same key.
    // Fails with ProfileNotFound if neither file has it.
    Result<AwsProfile> profile(const QString &name) const;

    // The settings a client uses, as the SDKs resolve them:
    //  - profile: `explicitProfile` (chosen in the GUI) if given, else
    //    AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default". A profile
    //    named by the first three must exist (ProfileNotFound); "default" may not.
    //  - keys: AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN,
    //    or the older AWS_SECURITY_TOKEN) unless a profile was chosen
    //    explicitly (as botocore's Session(profile_name=...) ignores them);
    //    then the credentials file; then the config file. One key of a pair
    //    without the other fails with PartialCredentials.
    //  - region: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's.
    //  - endpoint: AWS_ENDPOINT_URL_DYNAMODB, else AWS_ENDPOINT_URL, else the
    //    profile's endpoint_url; none of them if AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.
    //  - max attempts: AWS_MAX_ATTEMPTS, else the profile's max_attempts.
    // Having no keys is not an error here: credentials stay invalid (a local
    // endpoint needs none that are real); HttpClient reports it per call.
    Result<AwsProfile> resolve(const QString &explicitProfile = QString()) const;

private:
    using Section = QMap<QString, QString>;     // lower-case key -> value
    using Sections = QMap<QString, Section>;    // profile name -> keys

    QString expandPath(const QString &path) const;
    Sections configProfiles() const;
    Sections credentialsProfiles() const;

    QProcessEnvironment m_env;
};

} // namespace dd::client
