// Practica on Azure: App Service (Linux, Node 22) running the service, Azure Database for PostgreSQL flexible
// server, the Azure Bot (single-tenant) with its Teams channel, Key Vault for the secrets (read by the App
// Service through Key Vault references) and Application Insights. Deployed by `arm/deploy` in teamsapp.yml.

@maxLength(20)
@minLength(4)
@description('Used to name every resource (letters and digits).')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU (B1 is enough for a pilot; P0v3 or above for production).')
param webAppSku string = 'B1'

@description('The Entra app registration (aadApp/create) that is the bot and the tab SSO audience.')
param botAadAppClientId string

@secure()
@description('A client secret of that registration.')
param botAadAppClientSecret string

@maxLength(42)
param botDisplayName string

param postgresAdminLogin string = 'practica'

@secure()
@description('Password of the PostgreSQL administrator.')
param postgresAdminPassword string

@secure()
@description('PRACTICA_SECRET_KEY: 32 random bytes as base64 (openssl rand -base64 32); seals LRS credentials.')
param practicaSecretKey string

@secure()
@description('LLM_API_KEY (empty: none, e.g. a keyless internal endpoint or no LLM).')
param llmApiKey string = ''

// Optional service settings: an empty value is not set, so the service uses its default.
param bootstrapAdminUpn string = ''
param allowedTenantIds string = ''
param llmBaseUrl string = ''
param llmModel string = ''
param llmTimeoutMs string = ''
param logLevel string = ''
param directorySync string = ''
param directorySyncIntervalMinutes string = ''
param directoryLmsIdentifierAttribute string = ''
param graphAuthorityUrl string = ''
param graphBaseUrl string = ''
param workerConcurrency string = ''
param workerPollMs string = ''
param jobLeaseMs string = ''
param shutdownTimeoutMs string = ''
param requestBodyLimitBytes string = ''
param lrsTimeoutMs string = ''
param lrsDispatchLeaseMs string = ''
param lrsDispatchPollMs string = ''
param lrsBatchesInFlight string = ''
param nudgeSendsPerSecond string = ''

var name = toLower(resourceBaseName)
var tenantId = tenant().tenantId
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'practica'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// 0.0.0.0 to 0.0.0.0 admits Azure services (the App Service's outbound addresses), not the internet.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: { value: botAadAppClientSecret }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=require'
  }
}

resource secretKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'practica-secret-key'
  properties: { value: practicaSecretKey }
}

resource llmKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(llmApiKey)) {
  parent: vault
  name: 'llm-api-key'
  properties: { value: llmApiKey }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

// What the service reads (server/config); tests/app-package/deployment-config.test.ts checks every name.
var serviceSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'PRACTICA_DEV_MODE', value: 'false' }
  { name: 'SEED_DEMO', value: 'false' }
  { name: 'PUBLIC_BASE_URL', value: 'https://${name}-app.azurewebsites.net' }
  { name: 'DATABASE_URL', value: keyVaultReference(databaseUrlSecret.properties.secretUri) }
  { name: 'CLIENT_ID', value: botAadAppClientId }
  { name: 'CLIENT_SECRET', value: keyVaultReference(botSecret.properties.secretUri) }
  { name: 'TENANT_ID', value: tenantId }
  { name: 'PRACTICA_SECRET_KEY', value: keyVaultReference(secretKeySecret.properties.secretUri) }
  // The secret exists only when a key was given; its URI is built rather than read from the conditional resource.
  {
    name: 'LLM_API_KEY'
    value: empty(llmApiKey) ? '' : keyVaultReference('${vault.properties.vaultUri}secrets/llm-api-key')
  }
  { name: 'BOOTSTRAP_ADMIN_UPN', value: bootstrapAdminUpn }
  { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
  { name: 'LLM_BASE_URL', value: llmBaseUrl }
  { name: 'LLM_MODEL', value: llmModel }
  { name: 'LLM_TIMEOUT_MS', value: llmTimeoutMs }
  { name: 'LOG_LEVEL', value: logLevel }
  { name: 'DIRECTORY_SYNC', value: directorySync }
  { name: 'DIRECTORY_SYNC_INTERVAL_MINUTES', value: directorySyncIntervalMinutes }
  { name: 'DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE', value: directoryLmsIdentifierAttribute }
  { name: 'GRAPH_AUTHORITY_URL', value: graphAuthorityUrl }
  { name: 'GRAPH_BASE_URL', value: graphBaseUrl }
  { name: 'WORKER_CONCURRENCY', value: workerConcurrency }
  { name: 'WORKER_POLL_MS', value: workerPollMs }
  { name: 'JOB_LEASE_MS', value: jobLeaseMs }
  { name: 'SHUTDOWN_TIMEOUT_MS', value: shutdownTimeoutMs }
  { name: 'REQUEST_BODY_LIMIT_BYTES', value: requestBodyLimitBytes }
  { name: 'LRS_TIMEOUT_MS', value: lrsTimeoutMs }
  { name: 'LRS_DISPATCH_LEASE_MS', value: lrsDispatchLeaseMs }
  { name: 'LRS_DISPATCH_POLL_MS', value: lrsDispatchPollMs }
  { name: 'LRS_BATCHES_IN_FLIGHT', value: lrsBatchesInFlight }
  { name: 'NUDGE_SENDS_PER_SECOND', value: nudgeSendsPerSecond }
]

// What App Service itself reads (deployment and monitoring), not the service.
var platformSettings = [
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app'
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm run start:prod'
      healthCheckPath: '/readyz'
      alwaysOn: webAppSku != 'F1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: filter(concat(serviceSettings, platformSettings), setting => !empty(setting.value))
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, webApp.id, keyVaultSecretsUser)
  properties: {
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// Single-tenant registration: new multi-tenant Azure Bot registrations are no longer accepted.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  sku: { name: 'F0' }
  kind: 'azurebot'
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written to env/.env.{env} by arm/deploy (output names become the variable names).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
