/*
 * The shared vocabulary of rules: parsed commands, flags, apk packages,
 * stages and fixes. A rule should read like a sentence built from these.
 */
export * from './commands';
export * from './apk';
export * from './stages';
export * from './fixes';
export * from './packageManagers';
export * from './startCommand';
export * from './dotnet';
export * from './paths';
export * from './variables';
export * from './words';
export * from './filePurpose';
