"""What module Filter does. Edit freely: Edge Studio wrote this file once and never overwrites it.

When an input is added to the .edge module, FilterInputs gains a method to add here.
"""
from __future__ import annotations

from typing import Any

from inputs import FilterInputs
from module import FilterModule
from messages import Telemetry
from twin import DEFAULTS, Desired, Reported


class FilterHandler(FilterInputs):
    def __init__(self, module: FilterModule) -> None:
        self.module = module

    async def on_input1(self, message: Telemetry) -> None:
        await self.module.send_output1(message)
