namespace Nara.Kernel.Events;

/// <summary>A fact another module may react to, named in the past tense (<c>ResidentRegistered</c>).</summary>
#pragma warning disable CA1040 // a marker interface is the point: events are plain records.
public interface IIntegrationEvent
{
}
#pragma warning restore CA1040
