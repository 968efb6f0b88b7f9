/*
 * Maintained knowledge the musl rules decide with: which packages lack
 * musl builds, how glibc-only downloads and paths are named, .NET RIDs,
 * Java runtimes. Tables, not logic; each entry says where it comes from.
 */
export * from './pythonVersions';
export * from './pipPackagesWithoutMuslWheels';
export * from './glibcDownloads';
export * from './glibcPaths';
export * from './jdk';
export * from './dotnetRuntimeIdentifiers';
export * from './nodeNativeAddons';
export * from './buildImages';
export * from './dockerHubLibrary';
export * from './busyboxMissingTools';
