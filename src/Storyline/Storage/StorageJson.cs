using System.Text.Json.Serialization;

namespace Storyline.Storage;

/// <summary>Source-generated JSON for the columns stored as JSON.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJson : JsonSerializerContext;
