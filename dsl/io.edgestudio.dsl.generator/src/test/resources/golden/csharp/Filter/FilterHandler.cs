#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace Filter;

/// <summary>
/// What module Filter does. Edit freely: Edge Studio wrote this file once and never overwrites it.
/// When an input is added to the .edge module, IFilterInputs gains a method to add here.
/// </summary>
public class FilterHandler : IFilterInputs
{
    private readonly FilterModule module;

    public FilterHandler(FilterModule module)
    {
        this.module = module;
    }

    public Task OnInput1Async(Telemetry message) => module.SendOutput1Async(message);
}
