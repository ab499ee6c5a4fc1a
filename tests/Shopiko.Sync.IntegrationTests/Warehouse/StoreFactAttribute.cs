using System.Reflection;
using Shopiko.Sync.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Shopiko.Sync.IntegrationTests.Warehouse;

/// <summary>
/// A fact that reports itself skipped, with a reason, when the test class it runs in carries a
/// <see cref="RequiresAttribute"/> whose condition is not met (the shared contract runs per database engine, and an
/// engine may be missing on a machine).
/// </summary>
[XunitTestCaseDiscoverer("Shopiko.Sync.IntegrationTests.Warehouse.StoreFactDiscoverer", "Shopiko.Sync.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A condition of a test class; a non-null <see cref="SkipReason"/> skips its <see cref="StoreFactAttribute"/> tests.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = true)]
public abstract class RequiresAttribute : Attribute
{
    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public abstract string? SkipReason { get; }
}

/// <summary>Needs the MariaDB server binaries (the test process starts its own server).</summary>
public sealed class RequiresMariaDbAttribute : RequiresAttribute
{
    public override string? SkipReason => MariaDbServer.IsAvailable ? null : MariaDbServer.UnavailableReason;
}

/// <summary>Needs the Warehouse Open sample store dump (<see cref="SampleDump.Path"/>).</summary>
public sealed class RequiresSampleDumpAttribute : RequiresAttribute
{
    public override string? SkipReason => SampleDump.MissingReason;
}

/// <summary>Needs an environment variable (e.g. a connection string or a dump path).</summary>
public sealed class RequiresEnvironmentAttribute(string variable, string purpose) : RequiresAttribute
{
    public override string? SkipReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)) ? $"Set {variable} to {purpose} to run this test." : null;
}

/// <summary>Finds the skip reason of a <see cref="StoreFactAttribute"/> test from its class.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A test case whose skip reason comes from the <see cref="RequiresAttribute"/>s of its class.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = (TestMethod.TestClass.Class as IReflectionTypeInfo)?.Type;
        return type?.GetCustomAttributes<RequiresAttribute>(inherit: true).Select(a => a.SkipReason).FirstOrDefault(r => r is not null)
            ?? base.GetSkipReason(factAttribute);
    }
}
