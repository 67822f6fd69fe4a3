"""One module source for every supported series: where the series name a model differently.

The model reference of access and rule records:

Since trytond 7.2, `ir.model.access.model` and `ir.rule.group.model` hold the model's name;
up to 7.0 they are Many2One to `ir.model`. The XML gives the name (the 7.2+ form); on a series
where the field is still a Many2One, the name is turned into the `ir.model` id here, when the
XML loader creates or updates the record. Nothing changes on 7.2 and later.
"""
from trytond.pool import Pool, PoolMeta


class ModelNameAsId:
    __slots__ = ()

    @classmethod
    def _model_name_to_id(cls, values):
        if (cls._fields['model']._type != 'many2one'
                or not isinstance(values.get('model'), str)):
            return values
        IrModel = Pool().get('ir.model')
        model, = IrModel.search([('model', '=', values['model'])], limit=1)
        return {**values, 'model': model.id}

    @classmethod
    def create(cls, vlist):
        return super().create([cls._model_name_to_id(v) for v in vlist])

    @classmethod
    def write(cls, *args):
        args = list(args)
        for i in range(1, len(args), 2):
            args[i] = cls._model_name_to_id(args[i])
        super().write(*args)


class ModelAccess(ModelNameAsId, metaclass=PoolMeta):
    __name__ = 'ir.model.access'


class RuleGroup(ModelNameAsId, metaclass=PoolMeta):
    __name__ = 'ir.rule.group'


def model_name_field():
    """The field of `ir.model` holding the model's name (`sale.sale`): `model` up to 7.0,
    `name` since 7.2 (where `name` was the model's description before)."""
    IrModel = Pool().get('ir.model')
    return 'model' if 'model' in IrModel._fields else 'name'
