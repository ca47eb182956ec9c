namespace Platform.Audit.Data;

/// <summary>Who made a change: a signed-in person, an integration's API key, the platform itself, or someone not signed in.</summary>
internal enum ActorKind
{
    User,
    ApiKey,
    System,
    Anonymous,
}
