namespace Platform.SharedKernel.Modules;

/// <summary>Names the (internal) <see cref="IModule"/> implementation of a module assembly, so the host can find it.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PlatformModuleAttribute(Type moduleType) : Attribute
{
    public Type ModuleType { get; } = moduleType;
}
